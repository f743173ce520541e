import os
import pickle
import subprocess
import sys

import pytest

import normalize
from normalize import Config, ConfigError


def test_default_config_is_frozen_and_picklable():
    config = Config()
    with pytest.raises(AttributeError):
        config.stages = ()  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(config)) == config


def test_a_config_pickles_to_the_same_bytes_in_every_process():
    # Fingerprints made from a pickle (Hugging Face datasets' cache) need it;
    # a set's order changes with the hash seed.
    code = (
        "import hashlib, pickle, normalize; "
        "config = normalize.Config(protected_words={'EuroCham', 'Hanoi', 'Mekong', 'Saigon'}, vocabulary={'pho', 'banh'}); "
        "print(hashlib.sha256(pickle.dumps(config)).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code], env=dict(os.environ, PYTHONHASHSEED=str(seed)),
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(digests) == 1
    config = Config(protected_words={"EuroCham", "Hanoi"}, vocabulary={"pho"})
    assert pickle.loads(pickle.dumps(config)) == config


def test_unknown_stage_is_rejected_with_the_choices():
    with pytest.raises(ConfigError, match="fix_encoding"):
        Config(stages=("fix_encodings",))


def test_from_mapping_rejects_unknown_keys():
    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        Config.from_mapping({"colour": "blue"}, source="pyproject.toml")


def test_stages_can_be_switched_off():
    raw = "Vietnamâ€™s  talks"
    assert normalize.clean(raw, Config(stages=("normalize_whitespace",))) == "Vietnamâ€™s talks"
    assert normalize.clean(raw, Config(stages=("fix_encoding",))) == "Vietnam’s  talks"


def test_collections_are_normalised_to_immutable_lowercase():
    config = Config(protected_words=["Mogherini"], stages=["split_words"])
    assert config.protected_words == frozenset({"mogherini"})
    assert config.stages == ("split_words",)
