/// Where a reporter writes its UTF-8 bytes: one growing buffer, or a fixed one whose every
/// full load goes to `drain` (standard output) so that a report of tens of megabytes never
/// sits in memory whole.
///
/// An append is a capacity check and a copy through a raw pointer: an `[UInt8]` append also
/// checks uniqueness and is a call of its own, which was most of the time a reporter took
/// for 35,000 findings (18,800 instructions a JSON finding, for about 1,050 bytes).
public final class ByteBuffer {
    /// The buffer's variables live behind a pointer: a `var` of a class is checked for
    /// exclusive access at run time on every read and write, which took more instructions
    /// than the copying itself.
    private struct State {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int
    }
    private let state: UnsafeMutablePointer<State>
    /// Takes each full load (and the rest at `flush`); nil: the buffer grows and keeps everything.
    private let drain: ((UnsafeBufferPointer<UInt8>) -> Void)?

    private var base: UnsafeMutablePointer<UInt8> {
        @inline(__always) get { state.pointee.base }
    }
    /// How many bytes are buffered.
    var count: Int {
        @inline(__always) get { state.pointee.count }
        @inline(__always) set { state.pointee.count = newValue }
    }
    private var capacity: Int {
        @inline(__always) get { state.pointee.capacity }
    }

    /// A buffer that keeps everything written; `capacity` bytes are reserved at once (pages never
    /// written take no memory).
    init(capacity: Int = 4_096) {
        let capacity = max(capacity, 64)
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: .allocate(capacity: capacity), capacity: capacity))
        drain = nil
    }

    /// A buffer of `chunk` bytes that hands each full load to `drain`.
    public init(chunk: Int = 1 << 20, drain: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        let capacity = max(chunk, 64)
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: .allocate(capacity: capacity), capacity: capacity))
        self.drain = drain
    }

    deinit {
        state.pointee.base.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Everything written (of a buffer without `drain`; else what is not drained yet).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands what is buffered to `drain` (nothing happens without one).
    public func flush() {
        guard let drain, count > 0 else { return }
        drain(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { makeRoom(for: 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if bytes.count > capacity - count {
            // More than a whole load: straight to the drain, past the buffer.
            if let drain, bytes.count >= capacity {
                flush()
                drain(bytes)
                return
            }
            makeRoom(for: bytes.count)
        }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    func append(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBufferPointer { append($0) } }

    @inline(__always)
    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Text written in the source (`"rule":`, `--> `): copied without a scan.
    @inline(__always)
    func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        // Indentation: a few spaces. Sixteen are stored at once (the room past `repeats` is
        // overwritten later), cheaper than a call of memset.
        let at = count
        if repeats <= 16 && capacity - at >= 16 {
            let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
            let raw = UnsafeMutableRawPointer(base + at)
            raw.storeBytes(of: pattern, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: pattern, toByteOffset: 8, as: UInt64.self)
            count = at + repeats
            return
        }
        if repeats > capacity - count { makeRoom(for: repeats) }
        if repeats > capacity - count {  // a drained buffer smaller than the run: in loads
            var left = repeats
            while left > 0 {
                let part = min(left, capacity - count)
                (base + count).update(repeating: byte, count: part)
                count += part
                left -= part
                if left > 0 { flush() }
            }
            return
        }
        (base + count).update(repeating: byte, count: repeats)
        count += repeats
    }

    /// Room for `needed` more bytes at the end, to write through the pointer and then count
    /// with `advance`; nil when a drained buffer's whole load is smaller (write in pieces then).
    @inline(__always)
    func room(_ needed: Int) -> UnsafeMutablePointer<UInt8>? {
        if needed > capacity - count {
            if drain != nil && needed > capacity { return nil }
            makeRoom(for: needed)
        }
        return base + count
    }

    /// Counts `written` bytes stored through `room`.
    @inline(__always)
    func advance(_ written: Int) { count += written }

    /// `value` in decimal, without an intermediate string.
    @inline(__always)
    func appendDecimal(_ value: Int) {
        // Lines and columns: mostly one to five digits.
        if value >= 0 && value < 10 {
            append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendLongDecimal(value)
    }

    /// How many bytes `appendDecimal(value)` writes, the sign included.
    static func decimalLength(_ value: Int) -> Int {
        var digits = 1
        var rest = value.magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return value < 0 ? digits + 1 : digits
    }

    /// The digits are counted, then written from the last straight into the buffer, two at a
    /// time.
    private func appendLongDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let digits = Self.decimalLength(value) - (value < 0 ? 1 : 0)
        if digits > capacity - count { makeRoom(for: digits) }
        var at = count + digits
        var rest = value.magnitude
        Self.digitPairs.withUTF8Buffer { pairs in
            while rest >= 10 {
                let pair = Int(rest % 100) * 2
                rest /= 100
                at -= 2
                base[at] = pairs[pair]
                base[at + 1] = pairs[pair + 1]
            }
        }
        if at > count { base[at - 1] = UInt8(ascii: "0") + UInt8(rest) }
        count += digits
    }

    /// `00`, `01` … `99`.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Room for `needed` more bytes: drained (room for a whole load), or grown to at least
    /// twice the size.
    private func makeRoom(for needed: Int) {
        // A drained buffer never grows: callers write what exceeds a load in loads.
        if drain != nil {
            flush()
            return
        }
        let grown = max(capacity * 2, count + needed)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        state.pointee.base = larger
        state.pointee.capacity = grown
    }
}
