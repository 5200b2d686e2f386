package io.kafkacontracts.compat.baseline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The few git plumbing commands the git baseline needs, run as child processes in one repository. */
final class Git {

  private final Path repository;

  Git(Path repository) {
    this.repository = repository;
  }

  /** Runs git and returns its standard output; fails with git's own message. */
  String run(String... args) throws IOException {
    return new String(run(null, args), StandardCharsets.UTF_8);
  }

  /** Like {@link #run(String...)} but returns null instead of failing. */
  String tryRun(String... args) {
    try {
      return run(args).trim();
    } catch (IOException e) {
      return null;
    }
  }

  /** The blobs (path → blob id) at or under the given paths at a commit. */
  Map<String, String> blobs(String commit, String... paths) throws IOException {
    Map<String, String> blobs = new LinkedHashMap<>();
    List<String> args = new ArrayList<>(List.of("ls-tree", "-r", "--full-tree", commit, "--"));
    args.addAll(List.of(paths));
    for (String line : run(args.toArray(String[]::new)).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      // "<mode> blob <id>\t<path>"
      int tab = line.indexOf('\t');
      String[] meta = line.substring(0, tab).split(" ");
      if (meta[1].equals("blob")) {
        blobs.put(line.substring(tab + 1), meta[2]);
      }
    }
    return blobs;
  }

  /** The contents of many blobs, read by one {@code git cat-file --batch}. */
  Map<String, byte[]> contents(List<String> blobIds) throws IOException {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    if (blobIds.isEmpty()) {
      return contents;
    }
    byte[] input = (String.join("\n", blobIds) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] output = run(input, "cat-file", "--batch");
    int at = 0;
    for (String id : blobIds) {
      int newline = indexOf(output, (byte) '\n', at);
      String header = new String(output, at, newline - at, StandardCharsets.UTF_8);
      String[] parts = header.split(" ");
      if (parts.length < 3) {
        throw new IOException("git cat-file could not read blob " + id + ": " + header);
      }
      int size = Integer.parseInt(parts[2]);
      byte[] content = new byte[size];
      System.arraycopy(output, newline + 1, content, 0, size);
      contents.put(id, content);
      at = newline + 1 + size + 1;
    }
    return contents;
  }

  private static int indexOf(byte[] bytes, byte b, int from) throws IOException {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IOException("unexpected end of git cat-file output");
  }

  private byte[] run(byte[] input, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("-C");
    command.add(repository.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream in = process.getOutputStream()) {
      if (input != null) {
        in.write(input);
      }
    }
    try {
      int exit = process.waitFor();
      byte[] out = stdout.get();
      if (exit != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed (exit " + exit + "): "
            + new String(stderr.get(), StandardCharsets.UTF_8).trim());
      }
      return out;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running git", e);
    } catch (ExecutionException e) {
      throw new IOException("could not read git's output", e.getCause());
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
