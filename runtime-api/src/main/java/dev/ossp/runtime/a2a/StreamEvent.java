package dev.ossp.runtime.a2a;

/**
 * One event of an A2A stream: the task, a direct message, a status update or an artifact update.
 * Check with {@code instanceof}.
 */
public sealed interface StreamEvent
    permits Message, Task, TaskStatusUpdateEvent, TaskArtifactUpdateEvent {}
