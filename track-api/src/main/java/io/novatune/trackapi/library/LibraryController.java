package io.novatune.trackapi.library;

import io.novatune.trackapi.track.TrackResponses;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The user's library, page by page: search, filters, sort and a signed keyset cursor. */
@RestController
@RequestMapping("/api/v1/tracks")
public class LibraryController {

    private final Library library;
    private final CursorCodec cursors;
    private final TrackResponses responses;

    public LibraryController(Library library, CursorCodec cursors, TrackResponses responses) {
        this.library = library;
        this.cursors = cursors;
        this.responses = responses;
    }

    @GetMapping
    public Mono<TrackPageResponse> list(@AuthenticationPrincipal Jwt caller, @Valid @ModelAttribute @ParameterObject ListTracksParams params) {
        return Mono.fromCallable(() -> params.toQuery(caller.getSubject(), cursors))
                .flatMap(library::page)
                .map(page -> new TrackPageResponse(
                        page.items().stream().map(responses::of).toList(),
                        page.hasMore() ? cursors.encode(page.next()) : null,
                        page.hasMore()));
    }
}
