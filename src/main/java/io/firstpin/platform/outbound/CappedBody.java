package io.firstpin.platform.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a response body up to a limit and stops reading, dropping the connection, as soon as it goes beyond. */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final boolean declaredTooLarge;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long limit, boolean declaredTooLarge) {
        this.limit = limit;
        this.declaredTooLarge = declaredTooLarge;
    }

    /** A handler that gives up before reading when Content-Length already says the body is too large. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> new CappedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredTooLarge) {
            giveUp();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > limit) {
                giveUp();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private void giveUp() {
        subscription.cancel();
        result.completeExceptionally(new TooLarge(limit));
    }
}
