package org.hotline.core.acd;

import java.util.Map;
import org.hotline.core.agent.AgentState;

/** The ACD's state at one moment: waiting calls per queue and each agent's state. */
public record AcdSnapshot(Map<String, Integer> waitingByQueue, Map<String, AgentState> agentStates) {}
