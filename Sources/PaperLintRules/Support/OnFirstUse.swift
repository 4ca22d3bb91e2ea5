/// A value worked out the first time it is read, if ever: a house form or habit that only
/// some findings consult is learned from the whole list only by a check that asks for it.
final class OnFirstUse<Value> {
    private let compute: () -> Value
    lazy var value: Value = compute()

    init(_ compute: @escaping () -> Value) { self.compute = compute }
}
