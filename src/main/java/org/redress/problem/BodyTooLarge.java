package org.redress.problem;

import java.io.IOException;

/** Thrown while a request body is read past its limit; {@link ProblemAnswers} answers 413 naming the limit. */
public class BodyTooLarge extends IOException {

  private final int limitBytes;

  public BodyTooLarge(int limitBytes) {
    super("request body larger than " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public int limitBytes() {
    return limitBytes;
  }
}
