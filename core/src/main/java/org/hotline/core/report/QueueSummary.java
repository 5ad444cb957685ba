package org.hotline.core.report;

/**
 * The figures of one queue, or of all queues together, for the calls that arrived in a range. Times
 * are in seconds; a ratio or average whose denominator is zero is null.
 *
 * @param queue the queue; null for all queues together
 * @param serviceLevelThresholdSeconds the queue's service-level threshold; null for all queues
 *     (each call is then measured against its own queue's)
 * @param offered inbound calls that joined the queue, short abandons excepted
 * @param answered calls an agent answered
 * @param abandoned callers who hung up while waiting or ringing, short abandons excepted
 * @param shortAbandons callers who hung up before waiting the short-abandon time
 * @param answeredInThreshold calls answered within the threshold (wait at most the threshold)
 * @param answerRate answered / offered
 * @param serviceLevel answered within the threshold / answered: the figure the console shows
 * @param serviceLevelWithAbandons answered within the threshold / (answered + abandoned)
 * @param averageSpeedOfAnswer the mean wait of answered calls
 * @param averageHandleTime the mean of talk (hold included) plus wrap-up of answered calls
 * @param talkSeconds talk time of answered calls, hold excluded
 * @param holdSeconds hold time of answered calls
 * @param wrapUpSeconds wrap-up time that followed answered calls
 * @param longestWait the longest wait of any of its calls (short abandons included)
 * @param averageAbandonWait the mean wait of abandoned calls
 * @param callbackAttempts callback attempts made from the queue, apart from the figures above
 * @param callbacksAnswered callback attempts an agent answered
 */
public record QueueSummary(
    String queue,
    Long serviceLevelThresholdSeconds,
    long offered,
    long answered,
    long abandoned,
    long shortAbandons,
    long answeredInThreshold,
    Double answerRate,
    Double serviceLevel,
    Double serviceLevelWithAbandons,
    Double averageSpeedOfAnswer,
    Double averageHandleTime,
    long talkSeconds,
    long holdSeconds,
    double wrapUpSeconds,
    Long longestWait,
    Double averageAbandonWait,
    long callbackAttempts,
    long callbacksAnswered) {}
