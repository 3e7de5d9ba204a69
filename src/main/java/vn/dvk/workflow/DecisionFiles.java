package vn.dvk.workflow;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.office.SignatureVerifier;
import vn.dvk.shared.storage.FileStorage;
import vn.dvk.shared.storage.StorageFullException;
import vn.dvk.shared.storage.UploadNames;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The scan of a decision: a PDF or an image, type read from the content, size limited, stored under a random key. */
@Component
class DecisionFiles {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final Tika TIKA = new Tika();

    private final FileStorage storage;
    private final SignatureVerifier signatures;

    DecisionFiles(FileStorage storage, SignatureVerifier signatures) {
        this.storage = storage;
        this.signatures = signatures;
    }

    /**
     * Stores the scan and attaches it to the decision; a PDF has its digital signatures checked
     * (signer, time, unchanged since signing, trust) and the result kept with the decision. A PDF
     * that cannot be read is kept and says so; nothing here fails on a hostile file.
     */
    void attach(Decision decision, Scan scan, Instant now) {
        String previous = decision.getFileKey();
        decision.attach(store(scan), scan.name(), scan.type());
        if ("application/pdf".equals(scan.type())) {
            decision.recordSignatures(signatures.verify(scan.bytes()), now);
        }
        if (previous != null) {
            deleteAfterCommit(previous);
        }
    }

    /** The file a new one replaced, deleted once the replacement is committed. */
    private void deleteAfterCommit(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    try {
                        storage.delete(key);
                    } catch (IOException e) {
                        // orphaned on disk; nothing refers to it
                    }
                }
            }
        });
    }

    /** A scan checked before anything is written; null when none was given. */
    record Scan(byte[] bytes, String name, String type) {
    }

    static Scan check(byte[] bytes, String originalName) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, List.of(FieldProblem.field("scan", "decision.scanTooLarge")),
                    "decision.scanTooLarge");
        }
        String type;
        try {
            type = TIKA.detect(bytes);
        } catch (RuntimeException e) {
            type = "application/octet-stream";
        }
        if (!TYPES.contains(type)) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("scan", "decision.scanType")),
                    "error.validation");
        }
        return new Scan(bytes, UploadNames.clean(originalName, 200, "quyet-dinh"), type);
    }

    String store(Scan scan) {
        String key = "decision-" + UUID.randomUUID();
        try {
            storage.put(key, new ByteArrayInputStream(scan.bytes()));
        } catch (StorageFullException e) {
            throw e.refusal(scan.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a decision refused after the scan was stored must not leave the file behind
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            storage.delete(key);
                        } catch (IOException e) {
                            // orphaned on disk; nothing refers to it
                        }
                    }
                }
            });
        }
        return key;
    }

    InputStream open(String key) throws IOException {
        return storage.open(key);
    }
}
