import pytest

from helpdesk.buyers import address_key, buyer_keys, freight_forwarder, is_po_box, name_postal_key, relay_key


def test_a_buyer_is_the_same_whatever_the_tag_case_accents_or_spacing():
    assert relay_key(" SZ2Y5YWH1QG1VHX+133a066e@Marketplace.Amazon.com") == "sz2y5ywh1qg1vhx@marketplace.amazon.com"
    assert relay_key("") == "" and relay_key("no-at-sign") == ""
    assert name_postal_key("  Zoë  Müller-Lüdenscheidt ", "80 331", "de") == name_postal_key(
        "zoe muller ludenscheidt", "80331", "DE"
    )
    assert name_postal_key("Zoë", "", "DE") == "" and name_postal_key("", "80331", "DE") == ""
    assert buyer_keys(email="a+1@marketplace.amazon.de", name="Zoë", postal_code="80331", country="DE") == [
        "email:a@marketplace.amazon.de",
        "name:zoe|80331|DE",
    ]


def test_an_address_is_the_same_however_it_is_written():
    key = address_key("Hauptstraße 5\n80331 München", "80 331", "de")
    assert key == address_key("HAUPT STR. 5, 80331 Muenchen", "80331", "DE")
    assert address_key("12 Main Street, Apartment 4", "97201", "US") == address_key("12 main st. apt 4", "97201", "US")
    assert address_key("12 Main Street", "97201", "US") != address_key("14 Main Street", "97201", "US")
    assert address_key("  ", "97201", "US") == ""
    assert buyer_keys(address="12 Main Street", postal_code="97201", country="US") == ["address:12 main st|97201|US"]


@pytest.mark.parametrize(
    "address",
    ["PO Box 1234", "P.O. Box 77", "Postfach 10 20 30", "Boîte postale 12", "Apartado de correos 45", "Packstation 12"],
)
def test_po_boxes_in_the_marketplaces_languages(address):
    assert is_po_box(address)


@pytest.mark.parametrize("address", ["12 Box Hill Road", "Boxer Street 4", "Postweg 3", "Apartment 4B"])
def test_streets_that_only_look_like_po_boxes(address):
    assert not is_po_box(address)


def test_parcel_forwarders_are_named():
    assert freight_forwarder("4705 NW 10th Ave, Suite MyUS 123456") == "MyUS"
    assert freight_forwarder("Shipito LLC, 2022 W 190th St") == "Shipito"
    assert freight_forwarder("1 Main Street, Springfield") == ""
