package org.redress.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.redress.complaint.EngineClock;
import org.redress.problem.FieldError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Attachments of a complaint (7.2): PDF, PNG and JPEG only — the type is read from the file's first
 * bytes, never from the name or the declared content type — with a size and count limit. Stored in
 * the database with the complaint, in the same transaction. Served only as downloads.
 */
@Component
public class Attachments {

  public static final String FIELD = "attachments";

  /** What a stored attachment is, without its bytes. */
  public record Stored(long id, String fileName, String contentType, long size) {}

  /** A stored attachment with its bytes, for download. */
  public record Content(String fileName, String contentType, byte[] bytes) {}

  private final JdbcClient jdbc;
  private final long maxBytes;
  private final int maxFiles;

  public Attachments(JdbcClient jdbc, AttachmentSettings settings) {
    this.jdbc = jdbc;
    this.maxBytes = settings.maxFileSize().toBytes();
    this.maxFiles = settings.maxFiles();
  }

  public List<FieldError> check(List<Attachment> files) {
    List<FieldError> errors = new ArrayList<>();
    if (files.size() > maxFiles) {
      errors.add(new FieldError(FIELD, "at most " + maxFiles + " files"));
      return errors;
    }
    for (int i = 0; i < files.size(); i++) {
      Attachment file = files.get(i);
      String field = FIELD + "[" + i + "]";
      if (file.content().length == 0) {
        errors.add(new FieldError(field, "is empty"));
      } else if (file.content().length > maxBytes) {
        errors.add(new FieldError(field, "must be at most " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB"));
      } else if (detectType(file.content()).isEmpty()) {
        errors.add(new FieldError(field, "must be a PDF, PNG or JPEG file"));
      }
    }
    return errors;
  }

  /** Stores checked files; call in the transaction that records the complaint. */
  /** A checked file with what storing it needs, worked out before the transaction (hashing 50 MB takes a while). */
  record Ready(String fileName, String contentType, byte[] content, String sha256) {}

  /** The name to store, the type by content and the SHA-256 of files that passed {@link #check}. */
  List<Ready> prepare(List<Attachment> files) {
    return files.stream().map(file -> new Ready(safeName(file.fileName()), detectType(file.content()).orElseThrow(),
        file.content(), sha256(file.content()))).toList();
  }

  /** Stores prepared files with the complaint, in the transaction that records it. */
  void store(String reference, List<Ready> files) {
    for (Ready file : files) {
      jdbc.sql("""
          INSERT INTO complaint_attachment (reference, file_name, content_type, size_bytes, sha256, content, uploaded_at)
          VALUES (:reference, :name, :type, :size, :sha, :content, :now)""")
          .param("reference", reference)
          .param("name", file.fileName())
          .param("type", file.contentType())
          .param("size", (long) file.content().length)
          .param("sha", file.sha256())
          .param("content", file.content())
          .param("now", EngineClock.now())
          .update();
    }
  }

  public List<Stored> of(String reference) {
    return jdbc.sql("SELECT id, file_name, content_type, size_bytes FROM complaint_attachment WHERE reference = :r ORDER BY id")
        .param("r", reference)
        .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  public Optional<Content> content(String reference, long id) {
    return jdbc.sql("SELECT file_name, content_type, content FROM complaint_attachment WHERE reference = :r AND id = :id")
        .param("r", reference).param("id", id)
        .query((rs, row) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .optional();
  }

  /** application/pdf, image/png or image/jpeg from the magic bytes; empty for anything else. */
  static Optional<String> detectType(byte[] b) {
    if (startsWith(b, new byte[] {'%', 'P', 'D', 'F', '-'})) {
      return Optional.of("application/pdf");
    }
    if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})) {
      return Optional.of("image/png");
    }
    if (startsWith(b, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }

  /** The file's own name without any path, control or markup characters; never used as a path. */
  static String safeName(String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    base = base.replaceAll("[\\p{Cntrl}<>\"'`;:*?|]", "_").strip();
    if (base.isEmpty() || base.equals(".") || base.equals("..")) {
      base = "attachment";
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
