//! Is this PDF / TIFF usable? Decided from the bytes.
