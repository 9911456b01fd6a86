package io.firstpin.identity;

/** A security principal that knows which {@link Actor} it stands for. */
public interface ActorPrincipal {

    Actor actor();
}
