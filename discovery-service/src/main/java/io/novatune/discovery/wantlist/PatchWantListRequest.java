package io.novatune.discovery.wantlist;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Changes to an entry, as a JSON merge patch: a field left out stays as it is; {@code notes} or {@code purchaseDate}
 * sent as {@code null} is cleared. A class rather than a record: only its setters tell a field sent as null from
 * one left out.
 */
public final class PatchWantListRequest {

    @Pattern(regexp = "wanted|purchased|unavailable")
    private String status;
    private LocalDate purchaseDate;
    @Min(1)
    @Max(5)
    private Integer priority;
    @Size(max = 2000)
    private String notes;
    private boolean purchaseDateGiven;
    private boolean notesGiven;

    public PatchWantListRequest() {
    }

    /** Sets the status only, as a caller in this service does. */
    public static PatchWantListRequest status(String status) {
        PatchWantListRequest patch = new PatchWantListRequest();
        patch.setStatus(status);
        return patch;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDate getPurchaseDate() {
        return purchaseDate;
    }

    public void setPurchaseDate(LocalDate purchaseDate) {
        this.purchaseDate = purchaseDate;
        this.purchaseDateGiven = true;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
        this.notesGiven = true;
    }

    @JsonIgnore
    boolean purchaseDateGiven() {
        return purchaseDateGiven;
    }

    @JsonIgnore
    boolean notesGiven() {
        return notesGiven;
    }
}
