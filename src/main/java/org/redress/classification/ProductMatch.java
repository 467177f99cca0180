package org.redress.classification;

import java.util.List;
import java.util.Locale;

/**
 * How the complainant's own words ({@code complaint.product_or_service}, free text, never changed)
 * map onto the {@code product} code list: the handler picks the code in "Review assessment"; the
 * form suggests the first active product whose code or label appears in the complainant's text.
 */
final class ProductMatch {

  private ProductMatch() {}

  public static String suggest(String productOrService, List<CodeLists.Entry> products) {
    if (productOrService == null) {
      return null;
    }
    String text = productOrService.toLowerCase(Locale.ROOT);
    return products.stream()
        .filter(p -> text.contains(p.code().toLowerCase(Locale.ROOT)) || text.contains(p.label().toLowerCase(Locale.ROOT)))
        .map(CodeLists.Entry::code).findFirst().orElse(null);
  }
}
