package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The file a document in S3 is synthesized to: its content is what was given, whatever was there before. */
class DocumentInS3AssetFileTest {
    private static final String DOCUMENT = "{\"openapi\":\"3.0.1\",\"paths\":{\"/orders\":{}}}";

    @Test
    void theSameDocumentIsTheSameFile() throws IOException {
        // Given a document written once, When it is written again, Then it is the same file with the same bytes
        Path first = DocumentInS3.assetFile(DOCUMENT);
        Path second = DocumentInS3.assetFile(DOCUMENT);
        assertEquals(first, second);
        assertEquals(DOCUMENT, Files.readString(second, StandardCharsets.UTF_8));
    }

    @Test
    void aFileOfTheSameLengthButOtherBytesIsReplaced() throws IOException {
        // Given the asset's file, changed behind Gatehouse's back to other bytes of the same length
        Path file = DocumentInS3.assetFile(DOCUMENT);
        String planted = DOCUMENT.replace("orders", "evilxx");
        assertEquals(DOCUMENT.length(), planted.length());
        Files.writeString(file, planted, StandardCharsets.UTF_8);

        // When the document is synthesized again
        Path again = DocumentInS3.assetFile(DOCUMENT);

        // Then the asset holds the document, not what was planted
        assertEquals(DOCUMENT, Files.readString(again, StandardCharsets.UTF_8));
    }

    @Test
    void theFilesLiveInADirectoryOnlyThisUserMayOpen() throws IOException {
        // Given an asset file, Then the directory above its own is private to this user (where POSIX permissions exist)
        Path privateDirectory = DocumentInS3.assetFile(DOCUMENT).getParent().getParent();
        assertTrue(privateDirectory.getFileName().toString().startsWith("gatehouse-assets-"), privateDirectory.toString());
        if (privateDirectory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(privateDirectory);
            assertFalse(permissions.contains(PosixFilePermission.OTHERS_WRITE), permissions.toString());
            assertFalse(permissions.contains(PosixFilePermission.GROUP_WRITE), permissions.toString());
            assertFalse(permissions.contains(PosixFilePermission.OTHERS_READ), permissions.toString());
        }
    }
}
