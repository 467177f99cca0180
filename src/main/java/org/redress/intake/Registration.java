package org.redress.intake;

import org.redress.complaint.Channel;
import org.redress.problem.Text;

/**
 * What staff add to the complaint form when they register a complaint in Tasklist (start form
 * forms/register-complaint.form): how it reached them, and what they did at once.
 */
public record Registration(
    @Text(required = true, oneOf = {"web", "email", "phone", "letter", "in-person", "api"}) String channel,
    @Text(max = 2000) String immediateActionAtReceipt) {

  public static final String CHANNEL = "channel";
  public static final String IMMEDIATE_ACTION = "immediateActionAtReceipt";

  public Channel channelOf() {
    return Channel.fromCode(channel).orElseThrow();
  }
}
