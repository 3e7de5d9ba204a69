package vn.dvk.shared.office;

import java.io.BufferedInputStream;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import vn.dvk.shared.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The checks every Office or OpenDocument file passes before it is kept or read, for imports and
 * attachments alike: a zip package must not unpack to far more than it weighs (a zip bomb), carry
 * macros, link to other workbooks, or declare a DOCTYPE or entities in its XML (external entities,
 * "billion laughs"). Each refusal is invalid input with a message saying why; nothing is parsed.
 */
public final class HostileFiles {

    public static final long MAX_UNPACKED = 400L * 1024 * 1024;
    public static final int MAX_RATIO = 100;
    private static final long RATIO_FROM = 10L * 1024 * 1024;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

    private HostileFiles() {
    }

    /**
     * The checks of a file to be kept (an attachment): a zip package or an OLE2 file is inspected as
     * above; any other content is left to the caller's own type checks.
     */
    public static void inspect(Path file) {
        try {
            long size = Files.size(file);
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(8);
            }
            if (isZip(head)) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    inspectZip(in, size, null);
                }
            } else if (isOle2(head)) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    inspectOle2(in);
                }
            }
        } catch (IOException e) {
            throw DomainException.invalid("import.file.unreadable");
        }
    }

    /** Whether the content starts as a zip package (xlsx, docx, pptx, odt, ods...). */
    public static boolean isZip(byte[] head) {
        if (head.length < ZIP.length) {
            return false;
        }
        for (int i = 0; i < ZIP.length; i++) {
            if (head[i] != ZIP[i]) {
                return false;
            }
        }
        return true;
    }

    /** What a zip package holds, once it has passed the checks. */
    public record Package(Set<String> entries, long unpacked) {
    }

    /**
     * Reads the package once, entry by entry, without keeping it, and refuses it when it is hostile;
     * {@code packedSize} is the size of the file as sent. {@code inspectXml} sees the start of each
     * XML part (for checks of its own, such as a sheet's declared dimensions).
     */
    public static Package inspectZip(InputStream content, long packedSize, BiConsumer<String, CharSequence> inspectXml) {
        Set<String> entries = new HashSet<>();
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(content)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                entries.add(name);
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.contains("vbaproject") || lower.startsWith("basic/") || lower.endsWith(".bin") && lower.contains("vba")) {
                    throw DomainException.invalid("import.file.macros");
                }
                if (lower.startsWith("xl/externallinks/")) {
                    throw DomainException.invalid("import.file.externalLinks");
                }
                boolean xml = lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
                StringBuilder head = xml && inspectXml != null ? new StringBuilder() : null;
                DeclarationScan declarations = new DeclarationScan();
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED || unpacked > RATIO_FROM && unpacked / Math.max(1, packedSize) > MAX_RATIO) {
                        throw DomainException.invalid("import.file.zipBomb");
                    }
                    if (declarations.found(buffer, read)) {
                        throw DomainException.invalid("import.file.xmlEntities");
                    }
                    if (head != null && head.length() < 4096) {
                        head.append(new String(buffer, 0, Math.min(read, 4096), StandardCharsets.UTF_8));
                        inspectXml.accept(name, head);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw DomainException.invalid("import.file.unreadable");
        }
        if (entries.isEmpty()) {
            throw DomainException.invalid("import.file.unreadable");
        }
        return new Package(entries, unpacked);
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** Whether the content starts as an OLE2 compound file (xls, doc, ppt, or an encrypted Office file). */
    public static boolean isOle2(byte[] head) {
        if (head.length < OLE2.length) {
            return false;
        }
        for (int i = 0; i < OLE2.length; i++) {
            if (head[i] != OLE2[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses an OLE2 compound file that is encrypted or carries macros; answers the names of its
     * top-level entries.
     */
    public static Set<String> inspectOle2(InputStream content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(content)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw DomainException.invalid("import.file.encrypted");
            }
            if (root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("Macros") || root.hasEntry("VBA")) {
                throw DomainException.invalid("import.file.macros");
            }
            return new HashSet<>(root.getEntryNames());
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.invalid("import.file.unreadable");
        }
    }

    /**
     * Finds "<!DOCTYPE" or "<!ENTITY" anywhere in a part (whatever its name, as parts are found by
     * their relationships), across buffers, in UTF-8 or UTF-16
     * (zero bytes are skipped, so "<\0!\0D\0..." is seen too).
     */
    private static final class DeclarationScan {

        private static final byte[][] WORDS = {"<!DOCTYPE".getBytes(StandardCharsets.US_ASCII),
                "<!ENTITY".getBytes(StandardCharsets.US_ASCII)};
        private final int[] matched = new int[WORDS.length];

        boolean found(byte[] buffer, int length) {
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                if (b == 0) {
                    continue;
                }
                for (int w = 0; w < WORDS.length; w++) {
                    byte[] word = WORDS[w];
                    if (b == word[matched[w]]) {
                        if (++matched[w] == word.length) {
                            return true;
                        }
                    } else {
                        matched[w] = b == word[0] ? 1 : 0;
                    }
                }
            }
            return false;
        }
    }
}
