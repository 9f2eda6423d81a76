package dev.ossp.runtime.a2a;

/**
 * What an agent returns for a sent message: a direct {@link Message} reply or a {@link Task}. Check
 * with {@code instanceof}.
 */
public sealed interface SendResult permits Message, Task {}
