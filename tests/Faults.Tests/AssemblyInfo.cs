// The fault tests measure a worker process's peak memory and time its recovery: one at a time,
// so no other test's load shows in their figures.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
