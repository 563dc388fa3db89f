package dev.canopy.enablement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A file as it arrives: the name its sender gave it (only a hint) and its bytes, readable once. */
public interface Upload {

    String fileName();

    InputStream open() throws IOException;

    /** A file already in memory (demo data, tests). */
    static Upload of(String fileName, byte[] bytes) {
        return new Upload() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }
}
