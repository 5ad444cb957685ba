package org.hotline.config;

import java.time.Duration;

/** The whole validated configuration of a Hotline server. */
public record HotlineConfig(
    SipSettings sip,
    RtpSettings rtp,
    HttpSettings http,
    DataSettings data,
    IvrSettings ivr,
    AcdSettings acd,
    DemoSettings demo,
    Duration shutdownGrace,
    LocationSettings location,
    CustomerSettings customers,
    CtiSettings cti,
    ReportSettings reports,
    SecuritySettings security,
    SipGuardSettings sipGuard,
    DialSettings dial) {}
