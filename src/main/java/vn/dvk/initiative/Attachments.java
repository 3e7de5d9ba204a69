package vn.dvk.initiative;

import net.coobird.thumbnailator.Thumbnails;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.office.HostileFiles;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.storage.FileStorage;
import vn.dvk.shared.storage.StorageFullException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Photos and documents of initiatives. They belong to the whole record, not to one year: a file is
 * added only while a year of the initiative is open, and a file that was part of a year's dossier
 * when it was recognised stays while that year is recognised. The type is read from the content (Apache Tika), must be an
 * image or a PDF/Office document and agree with the file's extension; size is limited; images get
 * a thumbnail; names are cleaned; the file is stored under a random key.
 */
@Service
@Transactional(readOnly = true)
public class Attachments {

    static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("image/jpeg", List.of("jpg", "jpeg")),
            Map.entry("image/png", List.of("png")),
            Map.entry("image/webp", List.of("webp")),
            Map.entry("application/pdf", List.of("pdf")),
            Map.entry("application/msword", List.of("doc")),
            Map.entry("application/vnd.ms-excel", List.of("xls")),
            Map.entry("application/vnd.ms-powerpoint", List.of("ppt")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx")),
            Map.entry("application/vnd.oasis.opendocument.text", List.of("odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", List.of("ods")));
    static final int THUMBNAIL = 320;
    static final long MAX_PIXELS = 50_000_000L;
    static final int MAX_PER_INITIATIVE = 50;
    private static final Tika TIKA = new Tika();

    private final AttachmentRepository attachments;
    private final InitiativeAccess access;
    private final FileStorage storage;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;

    Attachments(AttachmentRepository attachments, InitiativeAccess access, FileStorage storage,
                ApplicationEventPublisher events, Clock clock, @Value("${dvk.attachments.max-bytes:20971520}") long maxBytes) {
        this.attachments = attachments;
        this.access = access;
        this.storage = storage;
        this.events = events;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public record AttachmentView(Long id, Long initiativeId, String kind, String fileName, String contentType,
                                 long sizeBytes, boolean hasThumbnail, String caption, Instant uploadedAt,
                                 String uploadedBy) {
    }

    /** A stored file opened for download. */
    public record Download(String fileName, String contentType, long size, InputStream content) {
    }

    public List<AttachmentView> of(Long initiativeId) {
        access.readable(initiativeId);
        return listed(initiativeId);
    }

    /** The files of an initiative the caller has just read (its page reads it once). */
    List<AttachmentView> of(InitiativeView initiative) {
        return listed(initiative.id());
    }

    private List<AttachmentView> listed(Long initiativeId) {
        return attachments.findByInitiativeIdOrderByUploadedAtAsc(initiativeId).stream().map(Attachments::view).toList();
    }

    @Transactional
    public AttachmentView upload(Long initiativeId, String originalName, InputStream content, String caption) throws IOException {
        access.requireAttachable(initiativeId);
        if (attachments.countByInitiativeId(initiativeId) >= MAX_PER_INITIATIVE) {
            throw DomainException.conflict("attachment.tooMany", MAX_PER_INITIATIVE);
        }
        Path temporary = Files.createTempFile("dvk-upload-", ".bin");
        try {
            long size = copyLimited(content, temporary);
            if (size == 0) {
                throw DomainException.invalid("import.file.empty");
            }
            String name = FileNames.sanitise(originalName);
            String type;
            try (InputStream in = Files.newInputStream(temporary)) {
                type = TIKA.detect(in, name);
            }
            List<String> extensions = ALLOWED.get(type);
            if (extensions == null) {
                throw DomainException.invalid("attachment.typeRefused", name);
            }
            if (!extensions.contains(FileNames.extension(name))) {
                throw DomainException.invalid("attachment.extensionMismatch", name, extensions.get(0));
            }
            HostileFiles.inspect(temporary);
            boolean image = type.startsWith("image/");
            String key = UUID.randomUUID().toString();
            String thumbnailKey = image ? key.substring(0, 8) + "-thumb-" + key.substring(9, 23) : null;
            byte[] thumbnail = image ? thumbnail(temporary, name) : null;
            store(key, temporary, thumbnailKey, thumbnail, name);
            removeIfRolledBack(key, thumbnailKey);
            Attachment saved = attachments.save(new Attachment(initiativeId, image ? Attachment.Kind.IMAGE : Attachment.Kind.DOCUMENT,
                    name, type, size, key, thumbnailKey, caption == null || caption.isBlank() ? null : caption.strip(),
                    clock.instant(), CurrentUser.get().map(CurrentUser::getUsername).orElse(null)));
            events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "ATTACHMENT", saved.getId(),
                    access.unitOf(initiativeId), name + " (" + type + ", " + size + " bytes) of initiative " + initiativeId));
            return view(saved);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The file and its thumbnail, both or neither: a store that fails keeps nothing, and a full one refuses naming the file. */
    private void store(String key, Path file, String thumbnailKey, byte[] thumbnail, String name) throws IOException {
        try {
            try (InputStream in = Files.newInputStream(file)) {
                storage.put(key, in);
            }
            if (thumbnail != null) {
                storage.put(thumbnailKey, new ByteArrayInputStream(thumbnail));
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(key);
            if (thumbnailKey != null) {
                deleteQuietly(thumbnailKey);
            }
            if (e instanceof StorageFullException full) {
                throw full.refusal(name);
            }
            throw e;
        }
    }

    public Download download(Long attachmentId, boolean thumbnail) throws IOException {
        Attachment attachment = attachments.findById(attachmentId)
                .orElseThrow(() -> DomainException.notFound("attachment.notFound", attachmentId));
        access.readable(attachment.getInitiativeId());
        if (thumbnail && attachment.getThumbnailKey() == null) {
            throw DomainException.notFound("attachment.notFound", attachmentId);
        }
        String key = thumbnail ? attachment.getThumbnailKey() : attachment.getStorageKey();
        return new Download(attachment.getFileName(), thumbnail ? "image/jpeg" : attachment.getContentType(),
                thumbnail ? -1 : attachment.getSizeBytes(), storage.open(key));
    }

    /**
     * A photo (or its thumbnail) for the public portal, without the reader's scope: the portal calls
     * this only for photos of initiatives it has checked are public. Documents are never served here.
     */
    public Download publicImage(Long attachmentId, boolean thumbnail) throws IOException {
        Attachment attachment = attachments.findById(attachmentId)
                .filter(a -> a.getKind() == Attachment.Kind.IMAGE)
                .orElseThrow(() -> DomainException.notFound("attachment.notFound", attachmentId));
        String key = thumbnail && attachment.getThumbnailKey() != null ? attachment.getThumbnailKey() : attachment.getStorageKey();
        return new Download(attachment.getFileName(), key.equals(attachment.getThumbnailKey()) ? "image/jpeg" : attachment.getContentType(),
                -1, storage.open(key));
    }

    @Transactional
    public void delete(Long attachmentId) {
        Attachment attachment = attachments.findById(attachmentId)
                .orElseThrow(() -> DomainException.notFound("attachment.notFound", attachmentId));
        access.requireRemovable(attachment.getInitiativeId(), attachment.getFileName(), attachment.getUploadedAt());
        attachments.delete(attachment);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.DELETE, "ATTACHMENT", attachmentId,
                access.unitOf(attachment.getInitiativeId()), attachment.getFileName()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteQuietly(attachment.getStorageKey());
                if (attachment.getThumbnailKey() != null) {
                    deleteQuietly(attachment.getThumbnailKey());
                }
            }
        });
    }

    private long copyLimited(InputStream content, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (var out = Files.newOutputStream(target)) {
            int read;
            while ((read = content.read(buffer)) > 0) {
                total += read;
                if (total > maxBytes) {
                    throw new DomainException(DomainException.Kind.TOO_LARGE, "attachment.tooLarge", maxBytes / (1024 * 1024));
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    /** A JPEG of at most 320 px; refuses images whose dimensions would exhaust memory when decoded. */
    private static byte[] thumbnail(Path image, String name) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw DomainException.invalid("attachment.badImage", name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw DomainException.invalid("attachment.imageTooBig", name);
                }
            } finally {
                reader.dispose();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Thumbnails.of(image.toFile()).size(THUMBNAIL, THUMBNAIL).outputFormat("jpg").toOutputStream(out);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw DomainException.invalid("attachment.badImage", name);
        }
        return out.toByteArray();
    }

    private void removeIfRolledBack(String key, String thumbnailKey) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(key);
                        if (thumbnailKey != null) {
                            deleteQuietly(thumbnailKey);
                        }
                    }
                }
            });
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException e) {
            // the file stays orphaned on disk; nothing refers to it any more
        }
    }

    private static AttachmentView view(Attachment a) {
        return new AttachmentView(a.getId(), a.getInitiativeId(), a.getKind().name(), a.getFileName(), a.getContentType(),
                a.getSizeBytes(), a.getThumbnailKey() != null, a.getCaption(), a.getUploadedAt(), a.getUploadedBy());
    }
}
