package org.hotline.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class DialectsTest {
  @Test
  void fromJdbcUrl_h2_isH2() {
    assertEquals(SQLDialect.H2, Dialects.fromJdbcUrl("jdbc:h2:file:./data/hotline"));
    assertEquals(SQLDialect.H2, Dialects.fromJdbcUrl("jdbc:h2:mem:test"));
  }

  @Test
  void fromJdbcUrl_postgresql_isPostgres() {
    assertEquals(SQLDialect.POSTGRES, Dialects.fromJdbcUrl("jdbc:postgresql://db:5432/hotline"));
  }

  @Test
  void fromJdbcUrl_otherDatabase_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> Dialects.fromJdbcUrl("jdbc:sqlite:x.db"));
    assertThrows(IllegalArgumentException.class, () -> Dialects.fromJdbcUrl(null));
  }
}
