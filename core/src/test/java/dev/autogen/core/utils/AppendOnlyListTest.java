package dev.autogen.core.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppendOnlyListTest {
    @Test
    void aSnapshotKeepsTheElementsOfItsMomentWhateverComesAfter() {
        var list = new AppendOnlyList<String>();
        list.addAll(List.of("a", "b"));
        List<String> before = list.snapshot();
        for (int i = 0; i < 100; i++) {
            list.add("x" + i);
        }
        List<String> middle = list.snapshot();
        list.clear();
        list.add("after");

        assertThat(before).containsExactly("a", "b");
        assertThat(middle).hasSize(102).startsWith("a", "b", "x0").endsWith("x99");
        assertThat(list).containsExactly("after");
        assertThat(before).isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
    }

    @Test
    void snapshotsCannotBeChangedAndPassThroughImmutableWithoutACopy() {
        var list = new AppendOnlyList<String>(List.of("a"));
        List<String> snapshot = list.snapshot();
        assertThatThrownBy(() -> snapshot.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(AppendOnlyList.immutable(snapshot)).isSameAs(snapshot);

        List<String> mutable = new ArrayList<>(List.of("m"));
        List<String> copy = AppendOnlyList.immutable(mutable);
        mutable.add("n");
        assertThat(copy).containsExactly("m");
    }

    @Test
    void aLaterSnapshotOfTheSameListIsKnownToExtendAnEarlierOne() {
        var list = new AppendOnlyList<String>(List.of("a", "b"));
        List<String> earlier = list.snapshot();
        list.add("c");
        List<String> later = list.snapshot();
        assertThat(AppendOnlyList.extendsSnapshot(later, earlier)).isTrue();
        assertThat(AppendOnlyList.extendsSnapshot(earlier, later)).isFalse();
        assertThat(AppendOnlyList.extendsSnapshot(AppendOnlyList.withFirst("s", later), AppendOnlyList.withFirst("s", earlier)))
                .isTrue();
        assertThat(AppendOnlyList.extendsSnapshot(AppendOnlyList.withFirst("t", later), AppendOnlyList.withFirst("s", earlier)))
                .isFalse();
        list.clear();
        list.addAll(List.of("a", "b", "c", "d"));
        assertThat(AppendOnlyList.extendsSnapshot(list.snapshot(), earlier)).as("not known after a clear").isFalse();
        assertThat(AppendOnlyList.extendsSnapshot(List.of("a", "b", "c"), earlier)).isFalse();
        assertThat(AppendOnlyList.extendsSnapshot(later, List.of())).isTrue();
    }

    @Test
    void anElementPutFirstBeforeASnapshotIsAnImmutableViewToo() {
        var list = new AppendOnlyList<String>(List.of("b", "c"));
        List<String> withFirst = AppendOnlyList.withFirst("a", list.snapshot());
        list.add("d");
        assertThat(withFirst).containsExactly("a", "b", "c");
        assertThat(AppendOnlyList.immutable(withFirst)).isSameAs(withFirst);
        assertThat(AppendOnlyList.withFirst("a", new ArrayList<>(List.of("b")))).containsExactly("a", "b");
        assertThatThrownBy(() -> withFirst.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
