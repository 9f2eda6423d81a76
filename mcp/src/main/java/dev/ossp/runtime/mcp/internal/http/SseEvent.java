package dev.ossp.runtime.mcp.internal.http;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event.
 *
 * @param id the event's {@code id} field, or null when it had none
 * @param event the {@code event} field, {@code message} when absent
 * @param data the {@code data} lines joined by line feeds
 * @param retryMillis the {@code retry} field in milliseconds, or -1 when absent
 */
record SseEvent(@Nullable String id, String event, String data, long retryMillis) {}
