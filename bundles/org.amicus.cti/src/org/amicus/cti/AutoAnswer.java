package org.amicus.cti;

/** How to ask the agent's phone to answer by itself, so that the headset just connects. */
public enum AutoAnswer {
    /** PJSIP: a {@code Call-Info: <sip:pbx>;answer-after=0} header in the INVITE. */
    CALL_INFO,
    /** chan_sip-era PBXs: the same header through {@code SIPADDHEADER}. */
    SIP_ADD_HEADER,
    /** The phone rings as for any call. */
    NONE
}
