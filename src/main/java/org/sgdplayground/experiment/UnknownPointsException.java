package org.sgdplayground.experiment;

/**
 * A link's {@code points=ID} names no stored points: a bad setting like any other (the socket answers it so), which
 * the HTTP entry points answer with 404 rather than 400, because the id may be right and the store another's.
 */
public final class UnknownPointsException extends InvalidParameterException {
    public UnknownPointsException(String id) {
        super(Parameter.POINTS.key(), id, "the id of points stored on this server (POST /api/points answers one)");
    }

    @Override
    public String getMessage() {
        return "no points are stored under points=" + value() + " on this server";
    }
}
