package org.openbpo.payables.domain;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which files a vendor's mail may leave in a client's payables. Executables are always refused —
 * by their name, their type and their first bytes, since a renamed program is still a program;
 * the size limit and further refused types are the provider's to configure.
 */
public record DocumentScreen(long maxBytes, Set<String> refusedExtensions) {

    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of("exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp",
            "cpl", "dll", "sys", "vbs", "vbe", "js", "jse", "wsf", "wsh", "ps1", "psm1", "hta", "jar", "lnk", "reg", "sh",
            "app", "apk", "dmg", "elf", "run", "gadget", "inf", "scf", "application", "msix", "appx");
    private static final Set<String> EXECUTABLE_TYPES = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-msdos-program", "application/x-sh", "application/x-elf",
            "application/vnd.microsoft.portable-executable", "application/java-archive", "application/x-ms-installer",
            "application/hta");

    public DocumentScreen {
        Set<String> lower = new HashSet<>();
        refusedExtensions.stream().map(v -> v.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .filter(v -> !v.isEmpty()).forEach(lower::add);
        refusedExtensions = Set.copyOf(lower);
    }

    /** Why the file is refused, or empty when it may be kept. */
    public Optional<String> refusal(String filename, String contentType, byte[] content) {
        String extension = extension(filename);
        if (EXECUTABLE_EXTENSIONS.contains(extension) || EXECUTABLE_TYPES.contains(contentType.toLowerCase(Locale.ROOT))
                || looksExecutable(content)) {
            return Optional.of("executable files are refused");
        }
        if (content.length > maxBytes) {
            return Optional.of("larger than the limit of " + maxBytes / 1024 + " KiB");
        }
        if (refusedExtensions.contains(extension)) {
            return Optional.of("files of this type (." + extension + ") are refused");
        }
        return Optional.empty();
    }

    /** Windows PE ("MZ"), ELF, Mach-O and scripts with a "#!" line. */
    private static boolean looksExecutable(byte[] content) {
        if (content.length >= 2 && (content[0] == 'M' && content[1] == 'Z' || content[0] == '#' && content[1] == '!')) {
            return true;
        }
        if (content.length < 4) {
            return false;
        }
        int magic = (content[0] & 0xff) << 24 | (content[1] & 0xff) << 16 | (content[2] & 0xff) << 8 | content[3] & 0xff;
        return magic == 0x7f454c46 || magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe || magic == 0xcffaedfe;
    }

    private static String extension(String filename) {
        String name = filename.toLowerCase(Locale.ROOT).replaceAll("[\\s.]+$", "");
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
