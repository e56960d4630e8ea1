from tests.factories import DeviceFactory, DriveFactory, ErasureFactory, LotFactory, UserFactory


def lot_with_erasures(site, *, devices: int = 2) -> tuple:
    """A lot whose devices each hold one drive erased successfully, and one device without storage."""
    lot = LotFactory(site=site)
    operator = UserFactory(username="technicien", first_name="Camille", last_name="Martin")
    erasures = [
        ErasureFactory(drive=DriveFactory(device=DeviceFactory(lot=lot)), operator=operator) for _n in range(devices)
    ]
    bare = DeviceFactory(lot=lot, no_storage_reason="Écran seul, sans stockage")
    return lot, erasures, bare
