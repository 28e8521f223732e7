package io.novatune.trackapi.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param defaultLimit the storage a user gets; written into the user's quota row when it is created (on the first
 *                     upload), so changing it later affects new users only, and a user's own limit can be raised
 *                     in the row
 */
@ConfigurationProperties("novatune.quota")
public record QuotaPolicy(@DefaultValue("10GB") DataSize defaultLimit) {
}
