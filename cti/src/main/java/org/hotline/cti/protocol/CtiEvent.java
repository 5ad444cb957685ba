package org.hotline.cti.protocol;

/**
 * What the server tells CTI connections unasked: {@code screen-pop}, {@code call-state}, {@code
 * agent-state} and {@code queue-stats}, as the bridge's feed publishes them.
 */
public sealed interface CtiEvent extends CtiMessage
    permits ScreenPop, CallState, AgentStateChanged, QueueStatsChanged {}
