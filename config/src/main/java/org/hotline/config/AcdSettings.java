package org.hotline.config;

import java.time.Duration;

/** ACD settings: {@code ringTimeout} is how long an agent's phone rings before the next agent. */
public record AcdSettings(Duration ringTimeout) {}
