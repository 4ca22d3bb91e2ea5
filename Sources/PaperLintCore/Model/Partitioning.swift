extension RandomAccessCollection {
    /// The index of the first element for which `belongs` holds, in a collection where it is false
    /// for a prefix and true for the rest (binary search); `endIndex` when it holds for none.
    @inlinable
    public func partitioningIndex(where belongs: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let mid = index(low, offsetBy: half)
            if try belongs(self[mid]) {
                count = half
            } else {
                low = index(after: mid)
                count -= half + 1
            }
        }
        return low
    }
}
