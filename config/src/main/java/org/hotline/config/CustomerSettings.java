package org.hotline.config;

import java.util.List;

/**
 * The customer directory.
 *
 * @param levels the customer levels, highest first ({@code VIP, gold, silver, normal}); a
 *     customer's level is one of them
 */
public record CustomerSettings(List<String> levels) {
  public CustomerSettings {
    levels = List.copyOf(levels);
  }
}
