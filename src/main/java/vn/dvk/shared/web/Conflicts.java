package vn.dvk.shared.web;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import vn.dvk.shared.DomainException;

import java.util.function.Supplier;

/**
 * API.md: a 409 for a stale version (or a record locked meanwhile) carries the record as it is now in
 * {@code current}, so a client that holds its own version (the offline queue) can show both.
 */
public final class Conflicts {

    private Conflicts() {
    }

    /**
     * Runs the write; a conflict it raises is answered with the record as read by {@code current} after the refused
     * transaction ended (or without it, when the record cannot be read any more).
     */
    public static <T> T withCurrent(Supplier<T> write, Supplier<?> current) {
        DomainException conflict;
        try {
            return write.get();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            conflict = e;
        } catch (ObjectOptimisticLockingFailureException e) {
            conflict = DomainException.conflict("error.stale");
        }
        Object now;
        try {
            now = current.get();
        } catch (RuntimeException gone) {
            throw conflict;
        }
        throw conflict.withCurrent(now);
    }
}
