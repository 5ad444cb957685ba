package org.hotline.ivr.flows;

import com.fasterxml.jackson.databind.JsonNode;
import org.hotline.ivr.verb.QueueOptions;

/**
 * A queue as the flows file defines it: how callers wait, and the leave branch as written (read
 * into verbs by each {@code enqueue} that uses it).
 *
 * @param name the queue ({@code sales})
 * @param options how callers wait
 * @param leave the {@code leave} branch as written, or null
 */
record QueueDefinition(String name, QueueOptions options, JsonNode leave) {}
