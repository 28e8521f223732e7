package io.novatune.trackapi.library;

import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JWT_SECRET = "hs256-token-secret-hs256-token-secret-0123456789";
    private static final PageCursor CURSOR = new PageCursor(SortField.TITLE, false, "Around the World", "01JTRACK");

    @Test
    void replicas_with_the_same_cursor_secret_read_each_others_cursors_and_another_secret_is_refused() {
        String token = new CursorCodec("cursor-secret-a", "", JSON).encode(CURSOR);

        assertThat(new CursorCodec("cursor-secret-a", "", JSON).decode(token, SortField.TITLE, false)).isEqualTo(CURSOR);
        assertThatThrownBy(() -> new CursorCodec("cursor-secret-b", "", JSON).decode(token, SortField.TITLE, false))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void without_a_cursor_secret_hs256_deployments_sign_with_a_key_derived_from_the_token_secret_not_with_it() {
        String token = new CursorCodec("", JWT_SECRET, JSON).encode(CURSOR);

        assertThat(new CursorCodec("", JWT_SECRET, JSON).decode(token, SortField.TITLE, false)).isEqualTo(CURSOR);
        // The token secret itself used as the cursor key does not verify it: the two keys are different.
        assertThatThrownBy(() -> new CursorCodec(JWT_SECRET, "", JSON).decode(token, SortField.TITLE, false))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void without_a_cursor_secret_or_a_token_secret_track_api_refuses_to_start_and_names_the_setting() {
        assertThatThrownBy(() -> new CursorCodec("", "", JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOVATUNE_CURSOR_SECRET");
    }
}
