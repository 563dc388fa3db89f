package dev.canopy.enablement;

import java.io.IOException;
import java.io.InputStream;

/** A file as it arrives: the name its sender gave it (only a hint) and its bytes, readable once. */
public interface Upload {

    String fileName();

    InputStream open() throws IOException;
}
