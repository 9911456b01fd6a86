package io.firstpin.output;

/**
 * What polling feeds did.
 *
 * @param feeds how many feeds were read (or tried)
 * @param newOutputs how many posts were new
 * @param failing how many of the feeds failed this time
 */
public record FeedPoll(int feeds, int newOutputs, int failing) {

    static final FeedPoll NONE = new FeedPoll(0, 0, 0);

    FeedPoll plus(FeedPoll other) {
        return new FeedPoll(feeds + other.feeds, newOutputs + other.newOutputs, failing + other.failing);
    }
}
