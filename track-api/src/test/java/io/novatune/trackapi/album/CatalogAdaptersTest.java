package io.novatune.trackapi.album;

import io.novatune.trackapi.album.tidal.TidalCatalog;
import io.novatune.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogAdaptersTest {

    @Test
    void the_tidal_adapter_is_not_created_when_switched_off_and_then_no_catalog_reference_can_be_listed() {
        new ApplicationContextRunner()
                .withPropertyValues("novatune.catalog.tidal.enabled=false")
                .withUserConfiguration(TidalCatalog.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AlbumCatalog.class));

        AlbumCatalogs none = new AlbumCatalogs(new StaticListableBeanFactory().getBeanProvider(AlbumCatalog.class));
        assertThatThrownBy(() -> none.of("tidal")).isInstanceOf(InvalidRequestException.class)
                .satisfies(error -> assertThat(((InvalidRequestException) error).getBody().getProperties().get("errors").toString())
                        .contains("catalogRef.service").contains("supported: none"));
    }
}
