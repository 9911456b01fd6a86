package io.firstpin.platform;

/** A private link whose time is over: its page explains that (410 Gone) instead of opening anything. */
public class LinkExpiredException extends RuntimeException {

    public LinkExpiredException() {
        super("this link has expired");
    }
}
