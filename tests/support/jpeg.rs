//! Test pictures shared by the library's unit tests (`src/plain/tests.rs`, through `#[path]`)
//! and the integration tests (`tests/integration/photos.rs`): one builder, not two copies.

/// A small JPEG whose APP1 segment is EXIF with a GPS block (latitude reference "N"), as a
/// phone's camera writes it, in a few bytes (the interface's tmux tests use it too).
pub fn jpeg_with_gps() -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    // IFD0: one entry, GPSInfo (0x8825, LONG) pointing at the GPS IFD at offset 26.
    tiff.extend(1u16.to_le_bytes());
    tiff.extend(0x8825u16.to_le_bytes());
    tiff.extend(4u16.to_le_bytes());
    tiff.extend(1u32.to_le_bytes());
    tiff.extend(26u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    // GPS IFD: GPSLatitudeRef "N".
    tiff.extend(1u16.to_le_bytes());
    tiff.extend(1u16.to_le_bytes());
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(2u32.to_le_bytes());
    tiff.extend(b"N\0\0\0");
    tiff.extend(0u32.to_le_bytes());
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(&tiff);
    let mut out = vec![0xFF, 0xD8];
    out.extend([0xFF, 0xE0, 0x00, 0x10]);
    out.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    out.extend([0xFF, 0xE1]);
    out.extend(
        u16::try_from(app1.len() + 2)
            .unwrap_or(u16::MAX)
            .to_be_bytes(),
    );
    out.extend(&app1);
    out.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    out.extend([0x12, 0x34, 0x56, 0x78]);
    out.extend([0xFF, 0xD9]);
    out
}
