// Fuzz runs bound each input's allocations with the process-wide counter, and the hostile tests
// time what they do: nothing else of this assembly may run beside them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
