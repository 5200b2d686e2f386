package io.kafkacontracts.registry;

import java.util.Optional;

/**
 * The one exception of this client: the registry refused a request, or could not be reached.
 * Carries the HTTP status and the registry's {@code error_code} (for example 40401 subject not
 * found, 40402 version not found, 40403 schema not found, 40408 no subject compatibility set,
 * 409 incompatible schema, 42201 invalid schema, 42202 invalid version, 42203 invalid
 * compatibility level, 5000x server errors), decoded in one place. Messages never hold credentials.
 */
public final class SchemaRegistryException extends RuntimeException {

  /** The status and error code used when no HTTP answer was received at all. */
  public static final int NO_RESPONSE = -1;

  private final int status;
  private final int errorCode;
  private final String subject;

  public SchemaRegistryException(String message, int status, int errorCode, String subject, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
    this.subject = subject;
  }

  /** The HTTP status, or {@link #NO_RESPONSE} when the registry could not be reached. */
  public int status() {
    return status;
  }

  /** The registry's {@code error_code}; the HTTP status when the body had none. */
  public int errorCode() {
    return errorCode;
  }

  /** The subject the request was about, if any. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /** Whether trying again later may succeed: no answer, 429, or a 5xx. */
  public boolean isRetriable() {
    return status == NO_RESPONSE || status == 429 || status >= 500;
  }
}
