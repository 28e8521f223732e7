package io.novatune.trackapi.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Min;

/**
 * @param defaultLimit the storage a user gets; written into the user's quota row when it is created (on the first
 *                     upload), so changing it later affects new users only, and a user's own limit can be raised
 *                     in the row
 * @param maxTracks    the tracks one library may hold (visible ones, and deleted ones until purged), whatever their
 *                     source: the cap that keeps one account from filling the database
 */
@ConfigurationProperties("novatune.quota")
@Validated
public record QuotaPolicy(@DefaultValue("10GB") DataSize defaultLimit, @Min(1) @DefaultValue("100000") long maxTracks) {
}
