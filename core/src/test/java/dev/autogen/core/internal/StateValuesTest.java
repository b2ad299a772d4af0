package dev.autogen.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StateValuesTest {
    static class Base {
        public Map<String, Object> saveState() {
            return Map.of();
        }

        protected Object stateValue() {
            return saveState();
        }
    }

    static class OnlySaveState extends Base {
        @Override
        public Map<String, Object> saveState() {
            return Map.of("extra", 1);
        }
    }

    static class Both extends OnlySaveState {
        @Override
        protected Object stateValue() {
            return saveState();
        }
    }

    static class OnlyStateValue extends Base {
        @Override
        protected Object stateValue() {
            return Map.of();
        }
    }

    static class Neither extends Base {
    }

    @Test
    void onlyASaveStateOverriddenBelowTheStateValueIsPreferred() {
        assertThat(StateValues.prefersSaveState(OnlySaveState.class)).isTrue();
        assertThat(StateValues.prefersSaveState(Base.class)).isFalse();
        assertThat(StateValues.prefersSaveState(Both.class)).isFalse();
        assertThat(StateValues.prefersSaveState(OnlyStateValue.class)).isFalse();
        assertThat(StateValues.prefersSaveState(Neither.class)).isFalse();
        assertThat(StateValues.prefersSaveState(String.class)).isFalse();
    }
}
