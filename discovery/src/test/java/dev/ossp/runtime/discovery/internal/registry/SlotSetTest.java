package dev.ossp.runtime.discovery.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SlotSetTest {

  private static List<Integer> walk(SlotSet.Walk walk) {
    List<Integer> slots = new ArrayList<>();
    while (walk.next()) {
      slots.add(walk.slot());
    }
    return slots;
  }

  private static SlotSet of(int... slots) {
    SlotSet set = new SlotSet();
    for (int slot : slots) {
      set.add(slot);
    }
    return set;
  }

  @Test
  void addRemoveAndContainsTrackTheSize() {
    SlotSet set = new SlotSet();

    assertThat(set.add(5)).isTrue();
    assertThat(set.add(5)).isFalse();
    assertThat(set.add(70_000)).isTrue();
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.contains(5)).isTrue();
    assertThat(set.contains(70_000)).isTrue();
    assertThat(set.contains(6)).isFalse();
    assertThat(set.contains(1_000_000)).isFalse();

    assertThat(set.remove(5)).isTrue();
    assertThat(set.remove(5)).isFalse();
    assertThat(set.remove(123_456)).isFalse();
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.isEmpty()).isFalse();
    assertThat(set.remove(70_000)).isTrue();
    assertThat(set.isEmpty()).isTrue();
  }

  @Test
  void walksMatchSetAlgebra() {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      List<TreeSet<Integer>> expected = new ArrayList<>();
      List<SlotSet> sets = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int s = 0; s < count; s++) {
        TreeSet<Integer> reference = new TreeSet<>();
        SlotSet set = new SlotSet();
        int bound = 1 + random.nextInt(40_000);
        int members = random.nextInt(400);
        for (int i = 0; i < members; i++) {
          int slot = random.nextInt(bound);
          reference.add(slot);
          set.add(slot);
        }
        expected.add(reference);
        sets.add(set);
      }
      TreeSet<Integer> intersection = new TreeSet<>(expected.get(0));
      TreeSet<Integer> union = new TreeSet<>();
      for (TreeSet<Integer> reference : expected) {
        intersection.retainAll(reference);
        union.addAll(reference);
      }

      assertThat(walk(SlotSet.intersection(sets))).containsExactlyElementsOf(intersection);
      assertThat(walk(SlotSet.union(sets))).containsExactlyElementsOf(union);
    }
  }

  @Test
  void intersectionSkipsChunksOneSetLacks() {
    SlotSet low = of(1, 2, 3, 9_000);
    SlotSet high = of(3, 9_000, 9_001);

    assertThat(walk(SlotSet.intersection(List.of(low, high)))).containsExactly(3, 9_000);
    assertThat(walk(SlotSet.intersection(List.of(low, SlotSet.EMPTY)))).isEmpty();
    assertThat(walk(SlotSet.union(List.of(SlotSet.EMPTY, high)))).containsExactly(3, 9_000, 9_001);
  }

  @Test
  void stillHeldReadsClearedBit() {
    SlotSet first = of(10, 20);
    SlotSet second = of(10, 20);
    SlotSet.Walk walk = SlotSet.intersection(List.of(first, second));

    assertThat(walk.next()).isTrue();
    assertThat(walk.slot()).isEqualTo(10);
    assertThat(walk.stillHeld()).isTrue();
    second.remove(10);
    assertThat(walk.stillHeld()).isFalse();
    assertThat(walk.next()).isTrue();
    assertThat(walk.slot()).isEqualTo(20);
    assertThat(walk.stillHeld()).isTrue();
    assertThat(walk.next()).isFalse();
  }

  @Test
  void walkWithoutSetsIsRejected() {
    assertThatThrownBy(() -> SlotSet.intersection(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one slot set");
  }

  @Test
  void removeFreesEmptiedChunk() {
    SlotSet set = of(5, 70_000, 70_001);

    set.remove(70_000);
    int chunksWithOneLeft = set.chunkCount();
    set.remove(70_001);

    assertThat(chunksWithOneLeft).isEqualTo(2);
    assertThat(set.chunkCount()).isEqualTo(1);
    assertThat(set.contains(70_001)).isFalse();
    assertThat(walk(SlotSet.union(List.of(set)))).containsExactly(5);
    assertThat(set.add(70_002)).isTrue();
    assertThat(walk(SlotSet.intersection(List.of(set)))).containsExactly(5, 70_002);
  }
}
