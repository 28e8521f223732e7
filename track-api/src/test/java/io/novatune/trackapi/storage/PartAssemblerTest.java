package io.novatune.trackapi.storage;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PartAssemblerTest {

    @Test
    void buffers_of_any_size_become_full_parts_then_a_last_part_with_every_byte_in_order() {
        byte[] content = new byte[3 * 1000 + 17];
        new Random(7).nextBytes(content);
        PartAssembler assembler = new PartAssembler(1000);
        List<Part> parts = new ArrayList<>();
        int[] sizes = {1, 999, 1000, 333, 2000, 0, 4000};
        int offset = 0;
        for (int i = 0; offset < content.length; i++) {
            int size = Math.min(sizes[i % sizes.length], content.length - offset);
            parts.addAll(assembler.add(DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(content, offset, offset + size))));
            offset += size;
        }
        parts.add(assembler.last());

        assertThat(parts).extracting(Part::number).containsExactly(1, 2, 3, 4);
        assertThat(parts).extracting(Part::length).containsExactly(1000, 1000, 1000, 17);
        assertThat(parts).extracting(Part::last).containsExactly(false, false, false, true);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        parts.forEach(part -> joined.write(part.bytes(), 0, part.length()));
        assertThat(joined.toByteArray()).isEqualTo(content);
    }

    @Test
    void content_of_exactly_one_part_is_a_single_last_part_and_no_content_an_empty_one() {
        PartAssembler assembler = new PartAssembler(1000);
        assertThat(assembler.add(DefaultDataBufferFactory.sharedInstance.wrap(new byte[1000]))).isEmpty();
        Part only = assembler.last();
        assertThat(only.number()).isEqualTo(1);
        assertThat(only.length()).isEqualTo(1000);
        assertThat(only.last()).isTrue();

        Part empty = new PartAssembler(1000).last();
        assertThat(empty.length()).isZero();
        assertThat(empty.last()).isTrue();
    }
}
