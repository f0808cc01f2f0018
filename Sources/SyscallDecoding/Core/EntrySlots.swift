/// The per-call slots of the threads inside a syscall, for callers of `SyscallFormatter` that do
/// not keep the slot beside the call themselves. A thread has at most one call in flight, so its
/// id is the key; only calls whose entry kept something are stored, and every entry clears what
/// an abandoned call of the same thread left, so the common call touches an empty dictionary.
final class EntrySlots: @unchecked Sendable {
    private var byThread: [Int32: CallSlot] = [:]

    func keep(_ slot: CallSlot, for thread: Int32) {
        if !byThread.isEmpty { byThread.removeValue(forKey: thread) }
        if slot.isUsed { byThread[thread] = slot }
    }

    func take(for thread: Int32) -> CallSlot {
        guard !byThread.isEmpty else { return CallSlot() }
        return byThread.removeValue(forKey: thread) ?? CallSlot()
    }
}
