"""Demo content for the bilingual (English/Spanish) e-learning platform.

Plain data only: countries and agencies, sample people names and job titles, and two
courses with lessons, lesson checks, a pre-test and final exams. Course 2 is only partly
translated on purpose, to demonstrate the fallback to English when Spanish text is empty.

Body blocks are ``("text", html)`` or ``("callout", {"kind", "title", "text"})`` tuples.
The lesson scenarios are fictional and illustrative.
"""

COUNTRIES = [
    {
        "code": "MX",
        "name": {"en": "Mexico", "es": "México"},
        "agencies": [
            {
                "en": "Attorney General's Office (FGR)",
                "es": "Fiscalía General de la República (FGR)",
            },
            {"en": "National Guard", "es": "Guardia Nacional"},
            {
                "en": "National Migration Institute (INM)",
                "es": "Instituto Nacional de Migración (INM)",
            },
            {
                "en": "Financial Intelligence Unit (UIF)",
                "es": "Unidad de Inteligencia Financiera (UIF)",
            },
        ],
    },
    {
        "code": "GT",
        "name": {"en": "Guatemala", "es": "Guatemala"},
        "agencies": [
            {"en": "Public Prosecutor's Office (MP)", "es": "Ministerio Público (MP)"},
            {"en": "National Civil Police (PNC)", "es": "Policía Nacional Civil (PNC)"},
            {
                "en": "Guatemalan Migration Institute (IGM)",
                "es": "Instituto Guatemalteco de Migración (IGM)",
            },
            {
                "en": "Special Verification Intendancy (IVE)",
                "es": "Intendencia de Verificación Especial (IVE)",
            },
        ],
    },
    {
        "code": "SV",
        "name": {"en": "El Salvador", "es": "El Salvador"},
        "agencies": [
            {
                "en": "Attorney General's Office (FGR)",
                "es": "Fiscalía General de la República (FGR)",
            },
            {"en": "National Civil Police (PNC)", "es": "Policía Nacional Civil (PNC)"},
            {
                "en": "General Directorate of Migration and Foreign Nationals (DGME)",
                "es": "Dirección General de Migración y Extranjería (DGME)",
            },
            {
                "en": "Financial Investigation Unit (UIF)",
                "es": "Unidad de Investigación Financiera (UIF)",
            },
        ],
    },
    {
        "code": "HN",
        "name": {"en": "Honduras", "es": "Honduras"},
        "agencies": [
            {"en": "Public Prosecutor's Office (MP)", "es": "Ministerio Público (MP)"},
            {"en": "National Police of Honduras", "es": "Policía Nacional de Honduras"},
            {
                "en": "National Migration Institute (INM)",
                "es": "Instituto Nacional de Migración (INM)",
            },
            {
                "en": "Financial Information Unit (UIF)",
                "es": "Unidad de Información Financiera (UIF)",
            },
        ],
    },
]

FIRST_NAMES = [
    "José",
    "María",
    "Inés",
    "Ramón",
    "Sofía",
    "Andrés",
    "Lucía",
    "Tomás",
    "Verónica",
    "Julián",
    "Mónica",
    "Rubén",
    "Ángela",
    "Héctor",
    "Marisol",
    "Óscar",
    "Beatriz",
    "Martín",
    "Rocío",
    "Iván",
    "Daniela",
    "Raúl",
    "Gabriela",
    "Nicolás",
    "Patricia",
    "Adrián",
    "Carmen",
    "Joaquín",
    "Elena",
    "Sebastián",
    "Teresa",
    "Fabián",
    "Noemí",
    "César",
    "Jimena",
    "Germán",
    "Leticia",
    "Efraín",
    "Xiomara",
    "Rigoberto",
]

LAST_NAMES = [
    "Núñez",
    "Peña",
    "Hernández",
    "García",
    "López",
    "Martínez",
    "Rodríguez",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Flores",
    "Gómez",
    "Díaz",
    "Vásquez",
    "Morales",
    "Castillo",
    "Jiménez",
    "Ortiz",
    "Ruiz",
    "Álvarez",
    "Mejía",
    "Cruz",
    "Reyes",
    "Chávez",
    "Gutiérrez",
    "Aguilar",
    "Domínguez",
    "Rivera",
    "Méndez",
    "Cáceres",
    "Zelaya",
    "Ordóñez",
    "Quiñónez",
    "Velásquez",
    "Ramos",
    "Fuentes",
    "Castañeda",
    "Muñoz",
    "Ibáñez",
]

JOB_TITLES = [
    {"en": "Investigator", "es": "Investigador"},
    {"en": "Prosecutor", "es": "Fiscal"},
    {"en": "Police Officer", "es": "Agente de policía"},
    {"en": "Criminal Analyst", "es": "Analista criminal"},
    {"en": "Financial Analyst", "es": "Analista financiero"},
    {"en": "Forensic Expert", "es": "Perito forense"},
    {"en": "Digital Forensics Examiner", "es": "Perito en informática forense"},
    {"en": "Migration Officer", "es": "Agente de migración"},
    {"en": "Victim Assistance Officer", "es": "Oficial de atención a víctimas"},
    {"en": "Unit Chief", "es": "Jefe de unidad"},
]

COURSE_1 = {
    "slug": {
        "en": "investigating-human-smuggling-networks",
        "es": "investigacion-de-redes-de-trafico-ilicito-de-migrantes",
    },
    "title": {
        "en": "Investigating Human-Smuggling Networks",
        "es": "Investigación de redes de tráfico ilícito de migrantes",
    },
    "summary": {
        "en": (
            "Practical techniques for identifying, investigating and prosecuting the networks that "
            "smuggle and traffic people through Mexico and Central America, from the first "
            "indicators to cross-border cooperation."
        ),
        "es": (
            "Técnicas prácticas para identificar, investigar y llevar a juicio a las redes que "
            "trafican y explotan a personas a través de México y Centroamérica, desde los primeros "
            "indicadores hasta la cooperación transfronteriza."
        ),
    },
    "objectives": {
        "en": (
            "<ul>"
            "<li>Distinguish smuggling of migrants from trafficking in persons under the Palermo "
            "Protocols and recognise the main indicators of each.</li>"
            "<li>Plan and conduct victim-centred, trauma-informed interviews with the support of "
            "qualified interpreters.</li>"
            "<li>Trace payments through remittance companies, informal transfer systems and mobile "
            "wallets, and work with financial intelligence units to seize assets.</li>"
            "<li>Collect, preserve and lawfully obtain digital evidence, including open-source "
            "material and data from seized phones.</li>"
            "<li>Use spontaneous information sharing, mutual legal assistance, joint "
            "investigations and extradition to pursue networks across borders.</li>"
            "</ul>"
        ),
        "es": (
            "<ul>"
            "<li>Distinguir el tráfico ilícito de migrantes de la trata de personas conforme a los "
            "Protocolos de Palermo y reconocer los principales indicadores de cada delito.</li>"
            "<li>Planificar y realizar entrevistas centradas en la víctima e informadas en el "
            "trauma, con el apoyo de intérpretes calificados.</li>"
            "<li>Rastrear pagos realizados mediante empresas de remesas, sistemas informales de "
            "transferencia y billeteras móviles, y coordinarse con las unidades de inteligencia "
            "financiera para asegurar bienes.</li>"
            "<li>Recopilar, preservar y obtener legalmente evidencia digital, incluida la "
            "información de fuentes abiertas y los datos de teléfonos asegurados.</li>"
            "<li>Utilizar el intercambio espontáneo de información, la asistencia jurídica mutua, "
            "las investigaciones conjuntas y la extradición para perseguir a las redes más allá de "
            "las fronteras.</li>"
            "</ul>"
        ),
    },
    "audience": {
        "en": (
            "Investigators, prosecutors, analysts and migration officers from Mexico, Guatemala, "
            "El Salvador and Honduras who work on smuggling, trafficking or related "
            "organised-crime cases. No prior specialised training is required."
        ),
        "es": (
            "Investigadores, fiscales, analistas y agentes de migración de México, Guatemala, El "
            "Salvador y Honduras que trabajan en casos de tráfico ilícito de migrantes, trata de "
            "personas o delincuencia organizada relacionada. No se requiere capacitación "
            "especializada previa."
        ),
    },
    "estimated_hours": "6",
    "validity_months": 24,
    "lessons": [
        {
            "slug": {
                "en": "indicators-of-smuggling-and-trafficking",
                "es": "indicadores-de-trafico-ilicito-y-trata",
            },
            "title": {
                "en": "Indicators of smuggling and trafficking",
                "es": "Indicadores de tráfico ilícito de migrantes y de trata",
            },
            "estimated_minutes": 35,
            "body": {
                "en": [
                    (
                        "text",
                        (
                            "<h2>Two different crimes</h2>"
                            "<p>Human smuggling and trafficking in persons are often mentioned "
                            "together, and in the field they frequently overlap, but they are "
                            "distinct crimes with different elements, different victims and "
                            "different legal consequences. Getting the classification right from "
                            "the first report determines which law applies, which unit leads the "
                            "case, what protection the people involved are entitled to and which "
                            "evidence the prosecutor will need at trial. The international "
                            "definitions come from two protocols that supplement the United "
                            "Nations Convention against Transnational Organized Crime, adopted in "
                            "Palermo in 2000, instruments to which Mexico, Guatemala, El Salvador "
                            "and Honduras are all parties:</p>"
                            "<ul>"
                            "<li><strong>Smuggling of migrants</strong> (Protocol against the "
                            "Smuggling of Migrants by Land, Sea and Air): procuring the illegal "
                            "entry of a person into a State of which that person is not a national "
                            "or permanent resident, in order to obtain, directly or indirectly, a "
                            "financial or other material benefit.</li>"
                            "<li><strong>Trafficking in persons</strong> (Protocol to Prevent, "
                            "Suppress and Punish Trafficking in Persons, Especially Women and "
                            "Children): an <strong>act</strong> (recruitment, transportation, "
                            "transfer, harbouring or receipt of persons), carried out through a "
                            "<strong>means</strong> (threat or use of force or other forms of "
                            "coercion, abduction, fraud, deception, abuse of power or of a "
                            "position of vulnerability, or giving or receiving payments or "
                            "benefits to obtain the consent of a person having control over "
                            "another), for the <strong>purpose</strong> of exploitation.</li>"
                            "</ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "title": "Key differences at a glance",
                            "text": (
                                "<ul>"
                                "<li><strong>Consent:</strong> a smuggled migrant usually agrees "
                                "to be moved; in trafficking, consent obtained through any of the "
                                "listed means is irrelevant, and when the victim is under 18 no "
                                "means need be proved at all.</li>"
                                "<li><strong>Exploitation:</strong> smuggling ends, in principle, "
                                "with the illegal entry and the payment; trafficking is defined by "
                                "the purpose of exploitation, which continues after arrival.</li>"
                                "<li><strong>Border crossing:</strong> smuggling always involves "
                                "crossing an international border; trafficking can take place "
                                "entirely within one country.</li>"
                                "<li><strong>Protected interest:</strong> smuggling is primarily "
                                "an offence against the State's migration laws, although it often "
                                "endangers migrants; trafficking is an offence against the "
                                "person.</li>"
                                "</ul>"
                                "<p>Terminology: in Spanish, <em>trafficking in persons</em> is "
                                "<em>trata de personas</em> and <em>smuggling of migrants</em> is "
                                "<em>tráfico ilícito de migrantes</em>. Some national laws use "
                                "<em>tráfico de personas</em> for smuggling, so always check the "
                                "definition in your own legislation and never translate "
                                "“trafficking” as <em>tráfico</em>.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>When smuggling becomes trafficking</h2>"
                            "<p>The categories are not fixed. A journey that begins as a voluntary "
                            "smuggling arrangement can turn into trafficking when the migrant is "
                            "held in a stash house until relatives pay an inflated fee, forced to "
                            "carry drugs or work for the network to pay off a debt, or sold to "
                            "another group. Kidnapping of migrants in transit for ransom, sexual "
                            "violence by guides and forced labour to “pay for the trip” are "
                            "well-documented patterns along the routes through the region. "
                            "Investigators should therefore ask at every stage whether "
                            "exploitation is present, and should not close a trafficking line of "
                            "inquiry simply because the person initially agreed to travel.</p>"
                            "<p>The Smuggling Protocol also requires States to treat as "
                            "aggravating circumstances any conduct that endangers the lives or "
                            "safety of migrants or subjects them to inhuman or degrading "
                            "treatment, including for exploitation. It further provides that "
                            "migrants shall not become liable to criminal prosecution for the fact "
                            "of having been the object of smuggling. These provisions shape how "
                            "you treat the people found in a vehicle or a house: first as "
                            "witnesses and potential victims, not as suspects.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Indicators at checkpoints and in transport</h2>"
                            "<p>No single indicator proves a crime. Indicators are reasons to ask "
                            "further questions, speak to travellers separately and document what "
                            "you observe. At checkpoints and bus terminals, look for groups of "
                            "adults travelling together who give identical, rehearsed accounts yet "
                            "cannot name their destination or the person they are going to meet; "
                            "one person who holds everyone's identity documents, tickets or money; "
                            "tickets bought in cash by a third party shortly before departure; "
                            "travellers who keep looking at one member of the group before "
                            "answering; and phones that receive repeated calls from the same "
                            "number asking for updates.</p>"
                            "<p>In vehicles, watch for tractor-trailers and vans carrying more "
                            "people than seats, hidden compartments, improvised ventilation holes, "
                            "strong odours, containers of water or urine, and drivers who cannot "
                            "explain their cargo or route. A car or motorcycle travelling ahead to "
                            "warn of checkpoints, often called a <em>halcón</em> or "
                            "<em>puntero</em>, is a common pattern. Remember that concealed "
                            "compartments and closed trailers can become deadly within hours in "
                            "hot weather: opening the vehicle and providing water and medical care "
                            "come before any evidence collection.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Stash houses</h2>"
                            "<p>Stash houses (<em>casas de seguridad</em>) hold migrants while "
                            "they wait for the next leg of the journey or for payment. Neighbours "
                            "and local officers may notice many people entering a house that "
                            "appears to have few residents, covered or barred windows, doors "
                            "locked from the outside, large and regular purchases of food or "
                            "mattresses, people who never go out, guards at the entrance and "
                            "frequent vehicle arrivals at night. Inside, signs such as lists of "
                            "names with amounts owed, ledgers, several phones in a single room, "
                            "injuries, and people who say they cannot leave until a relative pays "
                            "point to kidnapping or trafficking rather than simple smuggling.</p>"
                            "<h2>Online recruitment</h2>"
                            "<p>Recruitment increasingly begins on social media and messaging "
                            "applications. Smugglers publish offers of “guaranteed” trips with "
                            "several attempts included, prices payable in instalments, "
                            "testimonials and videos of successful crossings. Traffickers more "
                            "often advertise jobs abroad with unusually high pay, no experience or "
                            "papers required, and travel costs advanced by the supposed employer. "
                            "Warning signs include requests for photographs of identity documents, "
                            "pressure to move the conversation quickly to encrypted chats, "
                            "accounts that were recently created or are frequently renamed, and "
                            "offers aimed specifically at adolescents. Record the account "
                            "identifiers and publication dates as soon as you find them, because "
                            "this content is often deleted quickly.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Indicators are not evidence",
                            "text": (
                                "<p>An indicator justifies further inquiry, not an arrest on its "
                                "own. Record what you saw, why it raised concern and what each "
                                "person said, in their own words. Profiling people because of "
                                "their nationality, ethnicity or language is discriminatory and "
                                "unlawful, and it also misdirects the investigation: the "
                                "organisers of a network are rarely the people travelling in the "
                                "back of the truck.</p>"
                            ),
                        },
                    ),
                ],
                "es": [
                    (
                        "text",
                        (
                            "<h2>Dos delitos distintos</h2>"
                            "<p>El tráfico ilícito de migrantes y la trata de personas suelen "
                            "mencionarse juntos y, en la práctica, con frecuencia se superponen; "
                            "sin embargo, son delitos distintos, con elementos, víctimas y "
                            "consecuencias jurídicas diferentes. Clasificar correctamente los "
                            "hechos desde la primera denuncia determina la ley aplicable, la "
                            "unidad que encabeza la investigación, la protección a la que tienen "
                            "derecho las personas involucradas y las pruebas que el fiscal "
                            "necesitará en el juicio. Las definiciones internacionales provienen "
                            "de dos protocolos que complementan la Convención de las Naciones "
                            "Unidas contra la Delincuencia Organizada Transnacional, adoptada en "
                            "Palermo en 2000, instrumentos de los que México, Guatemala, El "
                            "Salvador y Honduras son Estados parte:</p>"
                            "<ul>"
                            "<li><strong>Tráfico ilícito de migrantes</strong> (Protocolo contra "
                            "el Tráfico Ilícito de Migrantes por Tierra, Mar y Aire): la "
                            "facilitación de la entrada ilegal de una persona en un Estado del "
                            "cual dicha persona no sea nacional ni residente permanente, con el "
                            "fin de obtener, directa o indirectamente, un beneficio financiero u "
                            "otro beneficio de orden material.</li>"
                            "<li><strong>Trata de personas</strong> (Protocolo para Prevenir, "
                            "Reprimir y Sancionar la Trata de Personas, especialmente Mujeres y "
                            "Niños): una <strong>acción</strong> (captación, transporte, traslado, "
                            "acogida o recepción de personas), realizada a través de un "
                            "<strong>medio</strong> (amenaza, uso de la fuerza u otras formas de "
                            "coacción, rapto, fraude, engaño, abuso de poder o de una situación de "
                            "vulnerabilidad, o la concesión o recepción de pagos o beneficios para "
                            "obtener el consentimiento de una persona que tenga autoridad sobre "
                            "otra), con <strong>fines</strong> de explotación.</li>"
                            "</ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "title": "Diferencias clave",
                            "text": (
                                "<ul>"
                                "<li><strong>Consentimiento:</strong> la persona migrante objeto "
                                "de tráfico por lo general acepta ser trasladada; en la trata, el "
                                "consentimiento obtenido mediante cualquiera de los medios "
                                "enumerados carece de validez y, cuando la víctima es menor de 18 "
                                "años, ni siquiera es necesario probar el medio.</li>"
                                "<li><strong>Explotación:</strong> en principio, el tráfico "
                                "termina con la entrada ilegal y el pago; la trata se define por "
                                "el fin de explotación, que continúa después de la llegada.</li>"
                                "<li><strong>Cruce de fronteras:</strong> el tráfico siempre "
                                "implica cruzar una frontera internacional; la trata puede ocurrir "
                                "íntegramente dentro de un mismo país.</li>"
                                "<li><strong>Bien jurídico protegido:</strong> el tráfico es ante "
                                "todo un delito contra la normativa migratoria del Estado, aunque "
                                "con frecuencia pone en peligro a los migrantes; la trata es un "
                                "delito contra la persona.</li>"
                                "</ul>"
                                "<p>Terminología: <em>trafficking in persons</em> se traduce como "
                                "«trata de personas» y <em>smuggling of migrants</em> como "
                                "«tráfico ilícito de migrantes». Algunas leyes nacionales usan "
                                "«tráfico de personas» para referirse al tráfico de migrantes, por "
                                "lo que siempre debe verificar la definición de su propia "
                                "legislación y nunca traducir <em>trafficking</em> como "
                                "«tráfico».</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>Cuando el tráfico se convierte en trata</h2>"
                            "<p>Las categorías no son fijas. Un viaje que comienza como un acuerdo "
                            "voluntario de tráfico puede convertirse en trata cuando la persona "
                            "migrante es retenida en una casa de seguridad hasta que sus "
                            "familiares pagan una cuota inflada, cuando se le obliga a transportar "
                            "droga o a trabajar para la red para saldar una deuda, o cuando es "
                            "vendida a otro grupo. El secuestro de migrantes en tránsito para "
                            "exigir rescate, la violencia sexual por parte de los guías y el "
                            "trabajo forzoso para «pagar el viaje» son patrones bien documentados "
                            "en las rutas de la región. Por ello, los investigadores deben "
                            "preguntarse en cada etapa si existe explotación y no descartar una "
                            "línea de investigación por trata solo porque la persona aceptó viajar "
                            "en un principio.</p>"
                            "<p>El Protocolo contra el Tráfico Ilícito de Migrantes también obliga "
                            "a los Estados a considerar como circunstancias agravantes las "
                            "conductas que pongan en peligro la vida o la seguridad de los "
                            "migrantes o que les den un trato inhumano o degradante, incluso con "
                            "fines de explotación. Asimismo, dispone que los migrantes no estarán "
                            "sujetos a enjuiciamiento penal por el hecho de haber sido objeto de "
                            "tráfico. Estas disposiciones determinan cómo debe tratarse a las "
                            "personas encontradas en un vehículo o en una vivienda: ante todo como "
                            "testigos y posibles víctimas, no como sospechosos.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Indicadores en puntos de control y en el transporte</h2>"
                            "<p>Ningún indicador aislado prueba un delito. Los indicadores son "
                            "motivos para hacer más preguntas, hablar por separado con los "
                            "viajeros y documentar lo que se observa. En puntos de control y "
                            "terminales de autobuses, preste atención a grupos de adultos que "
                            "viajan juntos y dan versiones idénticas y ensayadas, pero no saben "
                            "nombrar su destino ni a la persona con quien se van a encontrar; a "
                            "una persona que guarda los documentos de identidad, los boletos o el "
                            "dinero de todos; a boletos comprados en efectivo por un tercero poco "
                            "antes de la salida; a viajeros que miran constantemente a un "
                            "integrante del grupo antes de responder; y a teléfonos que reciben "
                            "llamadas repetidas del mismo número pidiendo actualizaciones.</p>"
                            "<p>En los vehículos, observe si hay tractocamiones o camionetas con "
                            "más personas que asientos, compartimentos ocultos, orificios de "
                            "ventilación improvisados, olores intensos, recipientes con agua u "
                            "orina, y conductores que no pueden explicar su carga ni su ruta. Un "
                            "automóvil o una motocicleta que circula adelante para avisar sobre "
                            "los puntos de control, al que a menudo se llama «halcón» o «puntero», "
                            "es un patrón habitual. Recuerde que los compartimentos ocultos y las "
                            "cajas cerradas de los tráileres pueden volverse mortales en pocas "
                            "horas cuando hace calor: abrir el vehículo y proporcionar agua y "
                            "atención médica tienen prioridad sobre cualquier recolección de "
                            "evidencia.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Casas de seguridad</h2>"
                            "<p>Las casas de seguridad albergan a los migrantes mientras esperan "
                            "la siguiente etapa del viaje o el pago. Los vecinos y los agentes "
                            "locales pueden notar que muchas personas entran a una vivienda que "
                            "parece tener pocos residentes, ventanas tapadas o con barrotes, "
                            "puertas cerradas desde afuera, compras grandes y frecuentes de "
                            "alimentos o colchones, personas que nunca salen, vigilantes en la "
                            "entrada y llegadas frecuentes de vehículos durante la noche. En el "
                            "interior, señales como listas de nombres con montos adeudados, "
                            "libretas de registro, varios teléfonos en una misma habitación, "
                            "lesiones y personas que dicen no poder irse hasta que un familiar "
                            "pague apuntan a secuestro o trata, y no a un simple caso de "
                            "tráfico.</p>"
                            "<h2>Captación en línea</h2>"
                            "<p>La captación comienza cada vez con más frecuencia en redes "
                            "sociales y aplicaciones de mensajería. Los traficantes publican "
                            "ofertas de viajes «garantizados» con varios intentos incluidos, "
                            "precios en pagos parciales, testimonios y videos de cruces exitosos. "
                            "Los tratantes, en cambio, suelen anunciar empleos en el extranjero "
                            "con sueldos inusualmente altos, sin exigir experiencia ni documentos "
                            "y con los gastos de viaje adelantados por el supuesto empleador. "
                            "Entre las señales de alerta están las solicitudes de fotografías de "
                            "documentos de identidad, la presión para pasar rápidamente la "
                            "conversación a chats cifrados, las cuentas creadas recientemente o "
                            "que cambian de nombre con frecuencia y las ofertas dirigidas "
                            "específicamente a adolescentes. Registre los identificadores de las "
                            "cuentas y las fechas de publicación en cuanto los encuentre, pues "
                            "este contenido suele eliminarse con rapidez.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Los indicadores no son prueba",
                            "text": (
                                "<p>Un indicador justifica una indagación más profunda, no una "
                                "detención por sí solo. Registre lo que observó, por qué le generó "
                                "sospecha y lo que dijo cada persona, con sus propias palabras. "
                                "Perfilar a las personas por su nacionalidad, origen étnico o "
                                "idioma es discriminatorio y contrario a la ley, y además desvía "
                                "la investigación: los organizadores de una red rara vez son "
                                "quienes viajan en la parte trasera del camión.</p>"
                            ),
                        },
                    ),
                ],
            },
            "check": {
                "title": {
                    "en": "Lesson check: indicators of smuggling and trafficking",
                    "es": "Verificación: indicadores de tráfico ilícito de migrantes y de trata",
                },
                "intro": {
                    "en": "Three quick questions to confirm the key points of this lesson.",
                    "es": "Tres preguntas rápidas para confirmar los puntos clave de esta lección.",
                },
                "pass_mark": 70,
                "questions": [
                    {
                        "type": "single",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "Which element is required for trafficking in persons but not for "
                                "smuggling of migrants?"
                            ),
                            "es": (
                                "¿Qué elemento se exige para la trata de personas, pero no para el "
                                "tráfico ilícito de migrantes?"
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Trafficking is defined by an act, a means and a purpose of "
                                "exploitation. Smuggling requires illegal entry into another State "
                                "for a financial or material benefit, but no exploitation."
                            ),
                            "es": (
                                "La trata se define por una acción, un medio y un fin de "
                                "explotación. El tráfico exige la entrada ilegal en otro Estado a "
                                "cambio de un beneficio financiero o material, pero no requiere "
                                "explotación."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": "A purpose of exploitation",
                                    "es": "Un fin de explotación",
                                },
                                "fraction": 100,
                                "feedback": {
                                    "en": (
                                        "Correct: exploitation is the defining purpose of "
                                        "trafficking."
                                    ),
                                    "es": (
                                        "Correcto: la explotación es el fin que define a la trata."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": "Crossing an international border",
                                    "es": "El cruce de una frontera internacional",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "It is the other way round: border crossing is required "
                                        "for smuggling, not for trafficking."
                                    ),
                                    "es": (
                                        "Es al revés: el cruce de fronteras se exige para el "
                                        "tráfico, no para la trata."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": "A payment by the migrant",
                                    "es": "Un pago por parte de la persona migrante",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "A financial or material benefit is an element of "
                                        "smuggling."
                                    ),
                                    "es": (
                                        "El beneficio financiero o material es un elemento del "
                                        "tráfico."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": "The use of false identity documents",
                                    "es": "El uso de documentos de identidad falsos",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "False documents may appear in either crime but are an "
                                        "element of neither definition."
                                    ),
                                    "es": (
                                        "Los documentos falsos pueden aparecer en ambos delitos, "
                                        "pero no son elemento de ninguna de las dos definiciones."
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "type": "truefalse",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "Under the Trafficking Protocol, when the victim is under 18, the "
                                "prosecution does not need to prove the use of threats, force, "
                                "deception or any other means."
                            ),
                            "es": (
                                "Conforme al Protocolo contra la Trata, cuando la víctima es menor "
                                "de 18 años, la fiscalía no necesita probar el uso de amenazas, "
                                "fuerza, engaño ni ningún otro medio."
                            ),
                        },
                        "feedback": {
                            "en": (
                                "True. For children, the act and the purpose of exploitation are "
                                "enough; no means need be proved."
                            ),
                            "es": (
                                "Verdadero. Tratándose de niñas, niños y adolescentes, bastan la "
                                "acción y el fin de explotación; no es necesario probar el medio."
                            ),
                        },
                        "choices": [
                            {
                                "text": {"en": "True", "es": "Verdadero"},
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {"en": "False", "es": "Falso"},
                                "fraction": 0,
                                "feedback": {
                                    "en": "Not quite: read the explanation.",
                                    "es": "No es así: lea la explicación.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "multiple",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "Which observations in a stash house point to kidnapping or "
                                "trafficking rather than simple smuggling? Select all that apply."
                            ),
                            "es": (
                                "¿Qué observaciones en una casa de seguridad apuntan a secuestro o "
                                "trata, y no a un simple caso de tráfico? Seleccione todas las que "
                                "correspondan."
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Being held until relatives pay, and debts that grow under threat, "
                                "are signs of deprivation of liberty and exploitation. Waiting for "
                                "the next leg or sharing a nationality is consistent with ordinary "
                                "smuggling."
                            ),
                            "es": (
                                "Estar retenido hasta que la familia pague y las deudas que "
                                "aumentan bajo amenaza son señales de privación de la libertad y "
                                "de explotación. Esperar la siguiente etapa o compartir "
                                "nacionalidad es compatible con un tráfico ordinario."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": (
                                        "Doors are locked from the outside and people say they "
                                        "cannot leave until a relative pays"
                                    ),
                                    "es": (
                                        "Las puertas están cerradas desde afuera y las personas "
                                        "dicen que no pueden irse hasta que pague un familiar"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {
                                    "en": "Correct: this indicates deprivation of liberty.",
                                    "es": "Correcto: indica privación de la libertad.",
                                },
                            },
                            {
                                "text": {
                                    "en": (
                                        "A ledger shows debts that keep increasing, and relatives "
                                        "have received threats"
                                    ),
                                    "es": (
                                        "Una libreta muestra deudas que siguen aumentando y los "
                                        "familiares han recibido amenazas"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {
                                    "en": (
                                        "Correct: growing debts under threat suggest debt bondage "
                                        "or extortion."
                                    ),
                                    "es": (
                                        "Correcto: las deudas crecientes bajo amenaza sugieren "
                                        "servidumbre por deudas o extorsión."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": (
                                        "The migrants are waiting for the next leg of their journey"
                                    ),
                                    "es": "Los migrantes esperan la siguiente etapa de su viaje",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "This alone is consistent with smuggling.",
                                    "es": "Esto, por sí solo, es compatible con el tráfico.",
                                },
                            },
                            {
                                "text": {
                                    "en": "Several of the people come from the same country",
                                    "es": "Varias de las personas provienen del mismo país",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "Nationality is not an indicator of exploitation.",
                                    "es": "La nacionalidad no es un indicador de explotación.",
                                },
                            },
                        ],
                    },
                ],
            },
        },
        {
            "slug": {
                "en": "victim-centred-interviewing",
                "es": "entrevista-centrada-en-la-victima",
            },
            "title": {
                "en": "Victim-centred interviewing",
                "es": "Entrevista centrada en la víctima",
            },
            "estimated_minutes": 35,
            "body": {
                "en": [
                    (
                        "text",
                        (
                            "<h2>Why a victim-centred approach</h2>"
                            "<p>In most smuggling and trafficking cases, the people who were "
                            "moved, held or exploited are the most important source of evidence. "
                            "They know the routes, the stash houses, the prices, the nicknames of "
                            "the guides and the phone numbers used to demand payment. Yet they are "
                            "also frightened, exhausted, often injured, sometimes still in debt to "
                            "the network and worried about their families at home. A "
                            "victim-centred approach places their safety, dignity and rights at "
                            "the centre of every decision. It is not only an ethical and legal "
                            "obligation under national law and the Palermo Protocols; it is also "
                            "the approach that produces the most complete and reliable "
                            "testimony.</p>"
                            "<h3>Before the interview</h3>"
                            "<ul>"
                            "<li>Attend to immediate needs: medical care, water, food, rest, a "
                            "safe place to stay and contact with relatives when this does not put "
                            "anyone at risk.</li>"
                            "<li>Identify children, separate them from unrelated adults and notify "
                            "the child-protection authority as your law requires.</li>"
                            "<li>Assess the risk of reprisals against the person, in the country "
                            "where they were found and against relatives at home; keep addresses "
                            "and identities confidential as far as the law allows and coordinate "
                            "with witness-protection programmes.</li>"
                            "<li>Explain in plain language who you are, what will happen next, "
                            "what the person's rights are and what protection or assistance is "
                            "available, including through victim-assistance units and shelters run "
                            "by non-governmental organisations.</li>"
                            "</ul>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Trauma and memory</h2>"
                            "<p>Trauma affects how people remember and tell what happened. Victims "
                            "may recall sensations, sounds or smells vividly while being unsure of "
                            "dates, distances or the order of events. They may appear calm, numb "
                            "or even smile when describing violence, and their account may change "
                            "as trust grows. These are common effects of trauma and fear, not "
                            "evidence of lying. A trauma-informed interviewer uses open questions "
                            "(“Tell me about…”, “What happened next?”), allows silence, avoids "
                            "interrupting and does not press for precise times or numbers the "
                            "person cannot give. Avoid questions that imply blame, such as “Why "
                            "didn't you run away?”; if the reason someone did not leave is "
                            "relevant, ask about the circumstances instead: what would have "
                            "happened if you had tried to leave?</p>"
                            "<p>A clear structure helps. Many agencies use the PEACE model: "
                            "Planning and preparation, Engage and explain, Account, Closure and "
                            "Evaluation. Plan the interview using what you already know, build "
                            "rapport and explain the process, obtain a free account before asking "
                            "specific questions, close by summarising and explaining the next "
                            "steps, and then evaluate what the account adds to the investigation. "
                            "Offer breaks, allow the person to choose the gender of the "
                            "interviewer and interpreter where possible, and keep the number of "
                            "people in the room to a minimum.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Working with interpreters",
                            "text": (
                                "<p>Use a professional, impartial interpreter and confirm the "
                                "exact language or variety the person speaks best. Many migrants "
                                "from Guatemala and neighbouring areas speak an indigenous "
                                "language, such as K'iche', Mam or Q'eqchi', and may have limited "
                                "Spanish. Never use a fellow traveller, a relative or anyone who "
                                "may be linked to the network. Brief the interpreter beforehand on "
                                "confidentiality and on interpreting in the first person, without "
                                "summarising or giving advice, and record the interpreter's name "
                                "and the language used in the interview record.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>Non-punishment and consular rights</h2>"
                            "<p>The non-punishment principle holds that victims of trafficking "
                            "should not be prosecuted or penalised for unlawful acts they were "
                            "compelled to commit as a direct consequence of being trafficked, such "
                            "as using false documents, entering irregularly or transporting drugs "
                            "under threat. Likewise, the Smuggling Protocol provides that migrants "
                            "shall not become liable to criminal prosecution for having been the "
                            "object of smuggling. Treating victims as offenders destroys trust and "
                            "often means losing the witness.</p>"
                            "<p>When a foreign national is arrested or detained, Article 36 of the "
                            "Vienna Convention on Consular Relations requires the authorities to "
                            "inform the person without delay of the right to have their consulate "
                            "notified and to forward any communication addressed to it; some "
                            "bilateral agreements make notification mandatory. For victims who are "
                            "not detained, offer consular contact as a source of help with "
                            "documents, family contact and return, but respect any safety concerns "
                            "and record the person's wishes in the file.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Avoiding re-traumatisation and documenting the account</h2>"
                            "<p>Every repeated interview forces the victim to relive the events "
                            "and produces small inconsistencies that the defence can exploit. "
                            "Coordinate with the prosecutor so that a single, thorough interview "
                            "covers the needs of the investigation, and record it on video where "
                            "the law allows. For children and other especially vulnerable "
                            "witnesses, use specialised facilities, such as a Gesell chamber, and "
                            "trained interviewers. If the witness may return to their country or "
                            "be unavailable for trial, ask the prosecutor early about the "
                            "advance-evidence procedures (<em>prueba anticipada</em>) provided for "
                            "in the accusatory criminal procedure codes of the region.</p>"
                            "<p>Document the interview carefully: date, start and end times, "
                            "place, everyone present, the interpreter, breaks, the assistance "
                            "offered and the person's own words for key statements, including the "
                            "names, nicknames, phone numbers, places and amounts mentioned. Then "
                            "work to corroborate the account with independent evidence (phone "
                            "records, money-transfer receipts, travel records, photographs, "
                            "medical reports) so that the case does not rest solely on the "
                            "victim's testimony. Corroboration protects the victim as much as it "
                            "strengthens the prosecution.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "case",
                            "title": "Illustrative scenario (fictional)",
                            "text": (
                                "<p>Officers rescue eleven migrants from a house near a border "
                                "town. One woman first says she arrived “about a week ago” and "
                                "later “maybe three weeks ago”. Instead of treating this as a "
                                "contradiction, the interviewer asks what she remembers about "
                                "those days: she recalls two Sundays when a man came to collect "
                                "money and a storm that flooded the yard. Weather records and the "
                                "receipts for transfers sent by her brother later fix the dates, "
                                "and the “inconsistency” becomes corroborated evidence of how long "
                                "she was held.</p>"
                            ),
                        },
                    ),
                ],
                "es": [
                    (
                        "text",
                        (
                            "<h2>Por qué un enfoque centrado en la víctima</h2>"
                            "<p>En la mayoría de los casos de tráfico ilícito de migrantes y de "
                            "trata, las personas que fueron trasladadas, retenidas o explotadas "
                            "son la fuente de evidencia más importante. Conocen las rutas, las "
                            "casas de seguridad, los precios, los apodos de los guías y los "
                            "números telefónicos desde los que se exigían pagos. Sin embargo, "
                            "también están asustadas, agotadas, muchas veces lesionadas, a veces "
                            "todavía endeudadas con la red y preocupadas por sus familias en su "
                            "país. Un enfoque centrado en la víctima coloca su seguridad, su "
                            "dignidad y sus derechos en el centro de cada decisión. No es solo una "
                            "obligación ética y jurídica derivada de la legislación nacional y de "
                            "los Protocolos de Palermo: también es la manera de obtener el "
                            "testimonio más completo y confiable.</p>"
                            "<h3>Antes de la entrevista</h3>"
                            "<ul>"
                            "<li>Atienda las necesidades inmediatas: atención médica, agua, "
                            "alimentos, descanso, un lugar seguro donde quedarse y contacto con "
                            "familiares cuando esto no ponga a nadie en riesgo.</li>"
                            "<li>Identifique a las niñas, niños y adolescentes, sepárelos de los "
                            "adultos que no sean sus familiares y dé aviso a la autoridad de "
                            "protección de la niñez conforme a la ley.</li>"
                            "<li>Evalúe el riesgo de represalias contra la persona, tanto en el "
                            "país donde fue localizada como contra sus familiares en su lugar de "
                            "origen; mantenga la confidencialidad de domicilios e identidades en "
                            "la medida en que la ley lo permita y coordine con los programas de "
                            "protección de testigos.</li>"
                            "<li>Explique en lenguaje sencillo quién es usted, qué sucederá a "
                            "continuación, cuáles son los derechos de la persona y qué protección "
                            "o asistencia tiene a su disposición, incluidas las unidades de "
                            "atención a víctimas y los albergues de organizaciones no "
                            "gubernamentales.</li>"
                            "</ul>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Trauma y memoria</h2>"
                            "<p>El trauma afecta la forma en que las personas recuerdan y relatan "
                            "lo sucedido. Las víctimas pueden recordar con claridad sensaciones, "
                            "sonidos u olores y, al mismo tiempo, no estar seguras de fechas, "
                            "distancias o del orden de los hechos. Pueden parecer tranquilas, "
                            "aturdidas o incluso sonreír al describir actos de violencia, y su "
                            "relato puede cambiar a medida que aumenta la confianza. Estos son "
                            "efectos frecuentes del trauma y del miedo, no indicios de mentira. Un "
                            "entrevistador con enfoque informado en el trauma utiliza preguntas "
                            "abiertas («Cuénteme sobre…», «¿Qué pasó después?»), respeta los "
                            "silencios, evita interrumpir y no insiste en horas o cifras precisas "
                            "que la persona no puede dar. Evite las preguntas que culpan a la "
                            "víctima, como «¿Por qué no se escapó?»; si el motivo por el que "
                            "alguien no se fue es relevante, pregunte por las circunstancias: ¿qué "
                            "habría pasado si hubiera intentado irse?</p>"
                            "<p>Una estructura clara ayuda. Muchas instituciones utilizan el "
                            "modelo PEACE (por sus siglas en inglés): planificación y preparación, "
                            "establecimiento de contacto y explicación, obtención del relato, "
                            "cierre y evaluación. Planifique la entrevista con lo que ya sabe, "
                            "genere confianza y explique el proceso, obtenga un relato libre antes "
                            "de hacer preguntas específicas, cierre resumiendo y explicando los "
                            "pasos siguientes y, después, evalúe qué aporta el relato a la "
                            "investigación. Ofrezca pausas, permita que la persona elija, cuando "
                            "sea posible, el sexo del entrevistador y del intérprete, y reduzca al "
                            "mínimo el número de personas presentes en la sala.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Trabajo con intérpretes",
                            "text": (
                                "<p>Recurra a un intérprete profesional e imparcial y confirme el "
                                "idioma o la variante exacta que la persona domina mejor. Muchas "
                                "personas migrantes de Guatemala y de zonas vecinas hablan un "
                                "idioma indígena, como k'iche', mam o q'eqchi', y pueden tener un "
                                "dominio limitado del español. Nunca utilice como intérprete a "
                                "otro viajero, a un familiar ni a nadie que pueda estar vinculado "
                                "con la red. Antes de la entrevista, explique al intérprete las "
                                "reglas de confidencialidad y la obligación de interpretar en "
                                "primera persona, sin resumir ni dar consejos, y anote en el acta "
                                "su nombre y el idioma utilizado.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>No criminalización y derechos consulares</h2>"
                            "<p>El principio de no criminalización (o de no sanción) establece que "
                            "las víctimas de trata no deben ser procesadas ni sancionadas por los "
                            "actos ilícitos que se vieron obligadas a cometer como consecuencia "
                            "directa de la trata, como usar documentos falsos, ingresar de forma "
                            "irregular o transportar droga bajo amenaza. De igual manera, el "
                            "Protocolo contra el Tráfico Ilícito de Migrantes dispone que los "
                            "migrantes no estarán sujetos a enjuiciamiento penal por haber sido "
                            "objeto de tráfico. Tratar a las víctimas como delincuentes destruye "
                            "la confianza y, con frecuencia, significa perder al testigo.</p>"
                            "<p>Cuando se arresta o detiene a una persona extranjera, el artículo "
                            "36 de la Convención de Viena sobre Relaciones Consulares obliga a las "
                            "autoridades a informarle sin dilación de su derecho a que se "
                            "notifique a su consulado y a transmitir cualquier comunicación que "
                            "dirija a este; algunos acuerdos bilaterales hacen obligatoria la "
                            "notificación. A las víctimas que no están detenidas, ofrézcales el "
                            "contacto consular como una fuente de ayuda para obtener documentos, "
                            "comunicarse con su familia y regresar a su país, pero respete sus "
                            "preocupaciones de seguridad y deje constancia de su voluntad en el "
                            "expediente.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Evitar la revictimización y documentar el relato</h2>"
                            "<p>Cada entrevista repetida obliga a la víctima a revivir los hechos "
                            "y genera pequeñas inconsistencias que la defensa puede aprovechar. "
                            "Coordine con el fiscal para que una sola entrevista exhaustiva cubra "
                            "las necesidades de la investigación y grábela en video cuando la ley "
                            "lo permita. Con niñas, niños, adolescentes y otros testigos "
                            "especialmente vulnerables, utilice instalaciones especializadas, como "
                            "la cámara Gesell, y entrevistadores capacitados. Si el testigo podría "
                            "regresar a su país o no estar disponible para el juicio, consulte "
                            "cuanto antes con el fiscal sobre la prueba anticipada prevista en los "
                            "códigos procesales penales de corte acusatorio de la región.</p>"
                            "<p>Documente la entrevista con cuidado: fecha, horas de inicio y "
                            "término, lugar, todas las personas presentes, el intérprete, las "
                            "pausas, la asistencia ofrecida y las palabras textuales de la persona "
                            "en las declaraciones clave, incluidos los nombres, apodos, números "
                            "telefónicos, lugares y montos mencionados. Después, procure "
                            "corroborar el relato con evidencia independiente (registros "
                            "telefónicos, comprobantes de envíos de dinero, registros de viaje, "
                            "fotografías, dictámenes médicos) para que el caso no dependa "
                            "únicamente del testimonio de la víctima. La corroboración protege a "
                            "la víctima tanto como fortalece la acusación.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "case",
                            "title": "Escenario ilustrativo (ficticio)",
                            "text": (
                                "<p>Agentes rescatan a once migrantes de una vivienda cercana a "
                                "una ciudad fronteriza. Una mujer dice primero que llegó «hace "
                                "como una semana» y después «tal vez hace tres semanas». En lugar "
                                "de tratarlo como una contradicción, el entrevistador le pregunta "
                                "qué recuerda de esos días: ella menciona dos domingos en que un "
                                "hombre pasó a cobrar y una tormenta que inundó el patio. Los "
                                "registros meteorológicos y los comprobantes de las transferencias "
                                "que envió su hermano permiten después fijar las fechas, y la "
                                "«inconsistencia» se convierte en evidencia corroborada del tiempo "
                                "que estuvo retenida.</p>"
                            ),
                        },
                    ),
                ],
            },
            "check": {
                "title": {
                    "en": "Lesson check: victim-centred interviewing",
                    "es": "Verificación: entrevista centrada en la víctima",
                },
                "intro": {
                    "en": "Three quick questions to confirm the key points of this lesson.",
                    "es": "Tres preguntas rápidas para confirmar los puntos clave de esta lección.",
                },
                "pass_mark": 70,
                "questions": [
                    {
                        "type": "single",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "A rescued woman gives different dates for when she arrived at a "
                                "stash house. What is the best response?"
                            ),
                            "es": (
                                "Una mujer rescatada da fechas distintas sobre cuándo llegó a una "
                                "casa de seguridad. ¿Cuál es la mejor respuesta?"
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Inconsistent dates are a common effect of trauma. Open questions "
                                "about what she remembers, followed by independent corroboration, "
                                "turn the uncertainty into usable evidence."
                            ),
                            "es": (
                                "Las fechas inconsistentes son un efecto frecuente del trauma. Las "
                                "preguntas abiertas sobre lo que recuerda, seguidas de "
                                "corroboración independiente, convierten la incertidumbre en "
                                "evidencia útil."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": (
                                        "Ask open questions about what she remembers of that "
                                        "period and seek corroboration"
                                    ),
                                    "es": (
                                        "Hacerle preguntas abiertas sobre lo que recuerda de ese "
                                        "periodo y buscar corroboración"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {
                                    "en": "Correct: this is the trauma-informed approach.",
                                    "es": "Correcto: es el enfoque informado en el trauma.",
                                },
                            },
                            {
                                "text": {
                                    "en": "Record that she is an unreliable witness",
                                    "es": "Dejar constancia de que es una testigo poco confiable",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Inconsistency caused by trauma is not proof of "
                                        "unreliability."
                                    ),
                                    "es": (
                                        "La inconsistencia causada por el trauma no prueba falta "
                                        "de confiabilidad."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": (
                                        "Confront her with the contradiction and insist on an "
                                        "exact date"
                                    ),
                                    "es": (
                                        "Confrontarla con la contradicción e insistir en una fecha "
                                        "exacta"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Pressing for precision she cannot give increases stress "
                                        "and error."
                                    ),
                                    "es": (
                                        "Exigir una precisión que no puede dar aumenta el estrés y "
                                        "los errores."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": (
                                        "Have a different officer interview her again the next day "
                                        "to compare versions"
                                    ),
                                    "es": (
                                        "Pedir a otro agente que la entreviste de nuevo al día "
                                        "siguiente para comparar versiones"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Repeated interviews re-traumatise and create more "
                                        "inconsistencies."
                                    ),
                                    "es": (
                                        "Las entrevistas repetidas revictimizan y generan más "
                                        "inconsistencias."
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "Who should interpret an interview with a migrant whose first "
                                "language is Mam?"
                            ),
                            "es": (
                                "¿Quién debe interpretar la entrevista de una persona migrante "
                                "cuya lengua materna es el mam?"
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Only a professional, impartial interpreter in the right language "
                                "protects accuracy, confidentiality and the person's safety."
                            ),
                            "es": (
                                "Solo un intérprete profesional e imparcial en el idioma correcto "
                                "protege la exactitud, la confidencialidad y la seguridad de la "
                                "persona."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": "A professional, impartial Mam interpreter",
                                    "es": "Un intérprete profesional e imparcial de mam",
                                },
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": "A fellow traveller who speaks Spanish and Mam",
                                    "es": "Otro viajero que habla español y mam",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "A fellow traveller may be linked to the network or may be "
                                        "a witness."
                                    ),
                                    "es": (
                                        "Otro viajero podría estar vinculado con la red o ser "
                                        "testigo."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": (
                                        "No one: conduct the interview in Spanish, which most "
                                        "migrants understand"
                                    ),
                                    "es": (
                                        "Nadie: realizar la entrevista en español, que la mayoría "
                                        "de los migrantes entiende"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Limited Spanish leads to misunderstandings and an "
                                        "unreliable record."
                                    ),
                                    "es": (
                                        "Un dominio limitado del español provoca malentendidos y "
                                        "un acta poco confiable."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": "A cousin who was rescued in the same operation",
                                    "es": "Un primo que fue rescatado en el mismo operativo",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Relatives are not impartial and may influence the account."
                                    ),
                                    "es": (
                                        "Los familiares no son imparciales y pueden influir en el "
                                        "relato."
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "type": "truefalse",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "Under the non-punishment principle, a trafficking victim who was "
                                "compelled by the traffickers to use false documents should, in "
                                "principle, not be prosecuted for that act."
                            ),
                            "es": (
                                "Conforme al principio de no criminalización, una víctima de trata "
                                "a la que los tratantes obligaron a usar documentos falsos no "
                                "debería, en principio, ser procesada por ese acto."
                            ),
                        },
                        "feedback": {
                            "en": (
                                "True. Victims should not be punished for unlawful acts they were "
                                "compelled to commit as a direct consequence of being trafficked."
                            ),
                            "es": (
                                "Verdadero. Las víctimas no deben ser sancionadas por los actos "
                                "ilícitos que se vieron obligadas a cometer como consecuencia "
                                "directa de la trata."
                            ),
                        },
                        "choices": [
                            {
                                "text": {"en": "True", "es": "Verdadero"},
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {"en": "False", "es": "Falso"},
                                "fraction": 0,
                                "feedback": {
                                    "en": "Not quite: read the explanation.",
                                    "es": "No es así: lea la explicación.",
                                },
                            },
                        ],
                    },
                ],
            },
        },
        {
            "slug": {"en": "following-the-money", "es": "seguir-el-rastro-del-dinero"},
            "title": {"en": "Following the money", "es": "Seguir el rastro del dinero"},
            "estimated_minutes": 35,
            "body": {
                "en": [
                    (
                        "text",
                        (
                            "<h2>Why follow the money</h2>"
                            "<p>Smuggling and trafficking are profit-driven crimes. Every migrant "
                            "pays, or someone pays on their behalf, and every payment leaves a "
                            "trace: a transfer receipt, a deposit, a message confirming that the "
                            "money has arrived, a sudden change in a collector's lifestyle. "
                            "Financial investigation turns those traces into evidence that "
                            "identifies the people who organise and profit from the network, who "
                            "are rarely present at checkpoints or in stash houses. It also "
                            "corroborates victims' accounts, proves the “financial or other "
                            "material benefit” element of smuggling, supports money-laundering "
                            "charges and makes it possible to seize the assets that keep the "
                            "network running.</p>"
                            "<p>Start with the people. Every migrant and relative interviewed "
                            "should be asked how much was paid, to whom, by what method, where and "
                            "when, and whether they kept receipts, transfer control numbers, "
                            "screenshots or chat messages. Payments are commonly split: a deposit "
                            "before departure, instalments at stages along the route and a final "
                            "payment on arrival, often sent by relatives abroad. The phone "
                            "numbers, names and nicknames linked to those payments become the "
                            "first targets for analysis.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>How the money moves</h2>"
                            "<p><strong>Remittance companies and banks.</strong> Fees are "
                            "frequently sent through money-transfer businesses by relatives in the "
                            "destination country to collectors in Mexico or Central America. "
                            "Patterns worth examining include many unrelated senders paying the "
                            "same recipient, a recipient who collects transfers at several "
                            "agencies on the same day, amounts kept just below reporting "
                            "thresholds, and the same phone number or address appearing in the "
                            "records under different names. The records held by these companies "
                            "can be obtained through the legal process your law provides, and they "
                            "often include identity documents, signatures and images.</p>"
                            "<p><strong>Informal value transfer.</strong> Hawala-type systems and "
                            "other informal arrangements move value without moving money across "
                            "the border: a broker in one country receives the payment, a partner "
                            "in another country pays out the equivalent, and the brokers settle "
                            "accounts later through trade, cash couriers or offsetting debts. "
                            "There may be no bank record at all, so the evidence comes from "
                            "ledgers, notebooks, messages between the brokers and the testimony of "
                            "people who used the service.</p>"
                            "<p><strong>Money mules, mobile wallets and new payment "
                            "methods.</strong> Networks use third parties, sometimes relatives of "
                            "migrants or even migrants themselves, to receive and withdraw funds "
                            "so that the organisers never appear in the records. Mobile wallets, "
                            "prepaid cards, digital payment applications and cryptocurrencies are "
                            "increasingly used because accounts can be opened quickly and funds "
                            "moved instantly. Each of these services still generates data (device "
                            "identifiers, IP addresses, linked phone numbers and identity checks) "
                            "that can be requested from the provider.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Five questions for every payment",
                            "text": (
                                "<p>Who paid? How much? By what method? To whom, and where was it "
                                "collected? When? Ask these questions of every migrant and "
                                "relative, record the answers precisely and attach any receipts or "
                                "screenshots as evidence, with a proper chain of custody.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>Working with financial intelligence units</h2>"
                            "<p>Each country in the region has a financial intelligence unit (FIU) "
                            "that receives and analyses suspicious transaction reports from banks, "
                            "remittance companies and other reporting entities: the Financial "
                            "Intelligence Unit (UIF) in Mexico, the Special Verification "
                            "Intendancy (IVE) in Guatemala, the Financial Investigation Unit (UIF) "
                            "of the Attorney General's Office in El Salvador and the Financial "
                            "Information Unit (UIF) in Honduras. FIUs can tell investigators "
                            "whether targets appear in reports, map links between accounts and "
                            "exchange information with foreign FIUs, such as FinCEN in the United "
                            "States, through the Egmont Group network. Involve the FIU early, "
                            "provide names, identity numbers, phone numbers and accounts, and ask "
                            "specific questions.</p>"
                            "<h2>Seizing assets</h2>"
                            "<p>Identify assets early, before they are moved: vehicles used for "
                            "transport, properties used as stash houses, accounts, cash and "
                            "businesses that serve as fronts. Precautionary measures such as "
                            "freezing accounts and securing property usually require prompt "
                            "judicial authorisation, so prepare the application with the "
                            "prosecutor as soon as there are grounds. In addition to confiscation "
                            "after conviction, the countries of the region have "
                            "non-conviction-based forfeiture laws (<em>extinción de dominio</em>; "
                            "in Honduras, <em>privación definitiva del dominio</em>) that allow "
                            "assets of illicit origin or use to be forfeited in separate "
                            "proceedings. A simple financial profile comparing a suspect's lawful "
                            "income with their spending and assets is often the most persuasive "
                            "evidence of unexplained wealth.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "title": "Intelligence is not evidence",
                            "text": (
                                "<p>FIU analyses and information exchanged between FIUs are "
                                "generally intelligence, subject to the conditions set by the unit "
                                "that provided them. Use them to target your requests, then obtain "
                                "the underlying records through a court order or mutual legal "
                                "assistance so that they can be admitted at trial. Never attach an "
                                "FIU report to a court file without that unit's authorisation.</p>"
                            ),
                        },
                    ),
                ],
                "es": [
                    (
                        "text",
                        (
                            "<h2>Por qué seguir el dinero</h2>"
                            "<p>El tráfico ilícito de migrantes y la trata de personas son delitos "
                            "motivados por el lucro. Cada migrante paga, o alguien paga por él, y "
                            "cada pago deja un rastro: un comprobante de envío, un depósito, un "
                            "mensaje que confirma que llegó el dinero, un cambio repentino en el "
                            "nivel de vida de un cobrador. La investigación financiera convierte "
                            "esos rastros en evidencia que identifica a quienes organizan la red y "
                            "se benefician de ella, que rara vez están presentes en los puntos de "
                            "control o en las casas de seguridad. Además, corrobora el relato de "
                            "las víctimas, acredita el elemento del «beneficio financiero u otro "
                            "beneficio de orden material» del tráfico, sustenta acusaciones por "
                            "lavado de dinero y permite asegurar los bienes que mantienen en "
                            "funcionamiento a la red.</p>"
                            "<p>Empiece por las personas. A cada migrante y familiar entrevistado "
                            "se le debe preguntar cuánto se pagó, a quién, por qué medio, dónde y "
                            "cuándo, y si conservó comprobantes, números de control de los envíos, "
                            "capturas de pantalla o mensajes. Los pagos suelen fraccionarse: un "
                            "anticipo antes de la salida, pagos parciales en distintas etapas de "
                            "la ruta y un pago final al llegar, que a menudo envían familiares "
                            "desde el extranjero. Los números telefónicos, nombres y apodos "
                            "vinculados con esos pagos se convierten en los primeros objetivos del "
                            "análisis.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Cómo se mueve el dinero</h2>"
                            "<p><strong>Empresas de remesas y bancos.</strong> Con frecuencia, los "
                            "familiares que viven en el país de destino envían las cuotas a través "
                            "de empresas de transferencia de dinero a cobradores en México o "
                            "Centroamérica. Conviene examinar patrones como muchos remitentes sin "
                            "relación entre sí que pagan al mismo beneficiario, un beneficiario "
                            "que cobra envíos en varias agencias el mismo día, montos que se "
                            "mantienen justo por debajo de los umbrales de reporte y un mismo "
                            "número telefónico o domicilio que aparece en los registros con "
                            "nombres distintos. Los registros de estas empresas pueden obtenerse "
                            "mediante el procedimiento legal previsto en su legislación y a menudo "
                            "incluyen documentos de identificación, firmas e imágenes.</p>"
                            "<p><strong>Transferencias informales de valor.</strong> Los sistemas "
                            "de tipo hawala y otros mecanismos informales trasladan valor sin "
                            "mover dinero a través de la frontera: un operador en un país recibe "
                            "el pago, su socio en otro país entrega el equivalente y, más tarde, "
                            "ambos liquidan cuentas mediante operaciones comerciales, mensajeros "
                            "con efectivo o compensación de deudas. Puede no existir ningún "
                            "registro bancario, por lo que la evidencia proviene de libros "
                            "contables, cuadernos, mensajes entre los operadores y el testimonio "
                            "de quienes usaron el servicio.</p>"
                            "<p><strong>Mulas de dinero, billeteras móviles y nuevos medios de "
                            "pago.</strong> Las redes utilizan a terceros, a veces familiares de "
                            "migrantes o incluso a los propios migrantes, para recibir y retirar "
                            "fondos, de modo que los organizadores nunca aparezcan en los "
                            "registros. Las billeteras móviles, las tarjetas prepagadas, las "
                            "aplicaciones de pago digital y las criptomonedas se usan cada vez más "
                            "porque las cuentas se abren con rapidez y los fondos se transfieren "
                            "al instante. Aun así, cada uno de estos servicios genera datos "
                            "(identificadores de dispositivos, direcciones IP, números telefónicos "
                            "vinculados y verificaciones de identidad) que pueden solicitarse al "
                            "proveedor.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Cinco preguntas para cada pago",
                            "text": (
                                "<p>¿Quién pagó? ¿Cuánto? ¿Por qué medio? ¿A quién y dónde se "
                                "cobró? ¿Cuándo? Haga estas preguntas a cada migrante y familiar, "
                                "registre las respuestas con precisión y agregue los comprobantes "
                                "o capturas de pantalla como evidencia, con su debida cadena de "
                                "custodia.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>Coordinación con las unidades de inteligencia financiera</h2>"
                            "<p>Cada país de la región cuenta con una unidad de inteligencia "
                            "financiera (UIF) que recibe y analiza los reportes de operaciones "
                            "sospechosas de bancos, empresas de remesas y otros sujetos obligados: "
                            "la Unidad de Inteligencia Financiera (UIF) en México, la Intendencia "
                            "de Verificación Especial (IVE) en Guatemala, la Unidad de "
                            "Investigación Financiera (UIF) de la Fiscalía General de la República "
                            "en El Salvador y la Unidad de Información Financiera (UIF) en "
                            "Honduras. Las UIF pueden indicar si los investigados aparecen en "
                            "reportes, trazar vínculos entre cuentas e intercambiar información "
                            "con unidades extranjeras, como FinCEN en Estados Unidos, a través de "
                            "la red del Grupo Egmont. Involucre a la UIF desde el inicio, "
                            "proporcione nombres, números de identificación, teléfonos y cuentas, "
                            "y formule preguntas concretas.</p>"
                            "<h2>Aseguramiento de bienes</h2>"
                            "<p>Identifique los bienes pronto, antes de que sean trasladados: "
                            "vehículos utilizados para el transporte, inmuebles usados como casas "
                            "de seguridad, cuentas, efectivo y negocios que sirven de fachada. Las "
                            "medidas cautelares, como el congelamiento de cuentas y el "
                            "aseguramiento de bienes, suelen requerir autorización judicial "
                            "oportuna, por lo que conviene preparar la solicitud con el fiscal en "
                            "cuanto existan fundamentos. Además del decomiso tras una condena, los "
                            "países de la región cuentan con leyes de extinción de dominio (en "
                            "Honduras, de privación definitiva del dominio) que permiten declarar "
                            "la pérdida de bienes de origen o destino ilícito en un procedimiento "
                            "independiente. Un perfil financiero sencillo que compare los ingresos "
                            "lícitos del investigado con sus gastos y su patrimonio suele ser la "
                            "evidencia más convincente de un enriquecimiento que no se puede "
                            "justificar.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "title": "La inteligencia no es prueba",
                            "text": (
                                "<p>Los análisis de las UIF y la información que intercambian "
                                "entre sí son, por lo general, inteligencia sujeta a las "
                                "condiciones que fija la unidad que la proporcionó. Utilícela para "
                                "orientar sus solicitudes y después obtenga los registros "
                                "originales mediante orden judicial o asistencia jurídica mutua, "
                                "para que puedan admitirse en juicio. Nunca agregue un informe de "
                                "la UIF a un expediente judicial sin la autorización de esa "
                                "unidad.</p>"
                            ),
                        },
                    ),
                ],
            },
            "check": {
                "title": {
                    "en": "Lesson check: following the money",
                    "es": "Verificación: seguir el rastro del dinero",
                },
                "intro": {
                    "en": "Three quick questions to confirm the key points of this lesson.",
                    "es": "Tres preguntas rápidas para confirmar los puntos clave de esta lección.",
                },
                "pass_mark": 70,
                "questions": [
                    {
                        "type": "multiple",
                        "points": 1,
                        "partial_credit": True,
                        "text": {
                            "en": (
                                "Which patterns in remittance records may indicate that the "
                                "recipient is collecting smuggling fees? Select all that apply."
                            ),
                            "es": (
                                "¿Qué patrones en los registros de remesas pueden indicar que el "
                                "beneficiario cobra cuotas de tráfico? Seleccione todas las que "
                                "correspondan."
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Many unrelated senders, collections at several agencies on one "
                                "day and one phone number under several names are classic "
                                "collector patterns. A regular monthly transfer within a family is "
                                "ordinary remittance behaviour."
                            ),
                            "es": (
                                "Muchos remitentes sin relación entre sí, cobros en varias "
                                "agencias el mismo día y un mismo teléfono con varios nombres son "
                                "patrones típicos de un cobrador. Un envío mensual regular dentro "
                                "de una familia es un comportamiento normal de remesas."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": "Many unrelated senders pay the same recipient",
                                    "es": (
                                        "Muchos remitentes sin relación entre sí pagan al mismo "
                                        "beneficiario"
                                    ),
                                },
                                "fraction": "33.33333",
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": (
                                        "The recipient collects transfers at several agencies on "
                                        "the same day"
                                    ),
                                    "es": (
                                        "El beneficiario cobra envíos en varias agencias el mismo "
                                        "día"
                                    ),
                                },
                                "fraction": "33.33333",
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": (
                                        "The same phone number appears in the records under "
                                        "different names"
                                    ),
                                    "es": (
                                        "El mismo número telefónico aparece en los registros con "
                                        "nombres distintos"
                                    ),
                                },
                                "fraction": "33.33333",
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": "A son sends his mother a similar amount every month",
                                    "es": "Un hijo envía a su madre un monto similar cada mes",
                                },
                                "fraction": -100,
                                "feedback": {
                                    "en": "This is a normal family remittance pattern.",
                                    "es": "Es un patrón normal de remesas familiares.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": "How does a hawala-type informal transfer usually work?",
                            "es": (
                                "¿Cómo funciona normalmente una transferencia informal de tipo "
                                "hawala?"
                            ),
                        },
                        "feedback": {
                            "en": (
                                "In hawala-type systems, value moves without money crossing the "
                                "border: a partner pays out locally and the brokers settle between "
                                "themselves later."
                            ),
                            "es": (
                                "En los sistemas de tipo hawala, el valor se traslada sin que el "
                                "dinero cruce la frontera: un socio paga localmente y los "
                                "operadores liquidan cuentas entre sí más adelante."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": (
                                        "A partner in the other country pays out the equivalent, "
                                        "and the brokers settle accounts later"
                                    ),
                                    "es": (
                                        "Un socio en el otro país entrega el equivalente y los "
                                        "operadores liquidan cuentas más tarde"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": "The money is sent by international bank wire",
                                    "es": (
                                        "El dinero se envía por transferencia bancaria "
                                        "internacional"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "That is a formal channel that leaves bank records.",
                                    "es": "Ese es un canal formal que deja registros bancarios.",
                                },
                            },
                            {
                                "text": {
                                    "en": "The payment is always made in cryptocurrency",
                                    "es": "El pago siempre se hace en criptomonedas",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Hawala predates cryptocurrencies and does not depend on "
                                        "them."
                                    ),
                                    "es": (
                                        "La hawala es anterior a las criptomonedas y no depende de "
                                        "ellas."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": (
                                        "The migrant carries the cash personally across the border"
                                    ),
                                    "es": (
                                        "La persona migrante lleva el efectivo consigo a través de "
                                        "la frontera"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "The point of hawala is that no cash needs to cross.",
                                    "es": (
                                        "Lo esencial de la hawala es que el efectivo no necesita "
                                        "cruzar."
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "type": "truefalse",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "An analysis received from a financial intelligence unit can "
                                "normally be attached to the court file as evidence without any "
                                "further step."
                            ),
                            "es": (
                                "Un análisis recibido de una unidad de inteligencia financiera "
                                "normalmente puede agregarse como prueba al expediente judicial "
                                "sin ningún trámite adicional."
                            ),
                        },
                        "feedback": {
                            "en": (
                                "False. FIU material is generally intelligence. The underlying "
                                "records must be obtained through a court order or mutual legal "
                                "assistance, and the FIU's conditions respected."
                            ),
                            "es": (
                                "Falso. El material de la UIF es, por lo general, inteligencia. "
                                "Los registros originales deben obtenerse mediante orden judicial "
                                "o asistencia jurídica mutua, respetando las condiciones de la UIF."
                            ),
                        },
                        "choices": [
                            {
                                "text": {"en": "True", "es": "Verdadero"},
                                "fraction": 0,
                                "feedback": {
                                    "en": "Not quite: read the explanation.",
                                    "es": "No es así: lea la explicación.",
                                },
                            },
                            {
                                "text": {"en": "False", "es": "Falso"},
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                        ],
                    },
                ],
            },
        },
        {
            "slug": {
                "en": "digital-evidence-and-open-sources",
                "es": "evidencia-digital-y-fuentes-abiertas",
            },
            "title": {
                "en": "Digital evidence and open sources",
                "es": "Evidencia digital y fuentes abiertas",
            },
            "estimated_minutes": 35,
            "body": {
                "en": [
                    (
                        "text",
                        (
                            "<h2>The digital footprint of a network</h2>"
                            "<p>Almost every smuggling or trafficking operation now runs on "
                            "phones. Recruiters advertise on social media, guides coordinate "
                            "movements through messaging groups, lookouts report checkpoints by "
                            "voice note, and collectors send photographs of migrants to relatives "
                            "as proof of life or to demand payment. This digital footprint can "
                            "identify members of the network, reconstruct routes and timelines, "
                            "and link separate incidents to a single organisation. It is also "
                            "fragile: accounts are deleted, phones are reset and providers keep "
                            "data only for limited periods. Speed and correct procedure are "
                            "equally essential.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Open-source research</h2>"
                            "<p>Publicly available information (posts, profile pages, "
                            "advertisements, comments, videos and the metadata that accompanies "
                            "them) can be collected without special authorisation in most legal "
                            "systems, provided the investigator only observes what any member of "
                            "the public can see. Use the equipment and accounts your agency "
                            "assigns for this purpose, never personal accounts, and follow your "
                            "agency's policy on online investigations. Do not send friend requests "
                            "or messages to targets, or interact with them in any other way, "
                            "unless you have the specific legal authority required for undercover "
                            "operations.</p>"
                            "<p>Capture content in a way you can later explain in court: record "
                            "the full URL, the account name and its numeric identifier, the date "
                            "and time of capture and of publication, and who made the capture. "
                            "Make full-page captures or screen recordings rather than cropped "
                            "screenshots, keep the original files, calculate a hash value for each "
                            "file and maintain a capture log. Then, to preserve the underlying "
                            "data held by the platform, send a preservation request as soon as "
                            "possible. Many US-based providers accept preservation requests from "
                            "foreign law-enforcement authorities directly through their "
                            "law-enforcement portals, but disclosure of the content of "
                            "communications will generally require a mutual legal assistance "
                            "request.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Protect yourself and the case",
                            "text": (
                                "<p>Viewing a profile from a personal account can alert the "
                                "target, expose your identity and compromise the investigation. "
                                "Use devices and accounts assigned by your agency, log every "
                                "search you perform, and never store or forward sexual images of "
                                "children outside the procedure your law establishes for handling "
                                "such material.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>Seized phones and other devices</h2>"
                            "<p>When a phone is seized during an arrest or a search, the first "
                            "minutes decide whether its data will survive. Photograph the device "
                            "in place and note whether it is on or off, what appears on the screen "
                            "and who had it. If it is on, isolate it from the networks (airplane "
                            "mode or a signal-blocking bag) to prevent remote wiping, keep it "
                            "charged and do not browse through its contents: every tap changes "
                            "data and can be challenged. Record any passcode the owner provides "
                            "voluntarily, together with the circumstances in which it was "
                            "given.</p>"
                            "<p>Accessing the contents of a phone is an intrusion into private "
                            "communications. In most of the region it requires prior judicial "
                            "authorisation or, where the law allows, the owner's informed and "
                            "documented consent; check the rules of your criminal procedure code "
                            "and obtain the order before the examination. The extraction itself "
                            "should be performed by a trained examiner using validated forensic "
                            "tools, producing a copy of the data with hash values so that the "
                            "analysis is carried out on the copy and the original can be verified. "
                            "The examiner's report should describe the tools, versions and steps "
                            "used.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Chain of custody and analysis</h2>"
                            "<p>Each device and each digital copy must have a documented chain of "
                            "custody from the moment of seizure: who collected it, when, where, "
                            "how it was packaged and sealed, and every transfer afterwards. "
                            "Digital files obtained from open sources or from providers require "
                            "the same discipline, with hash values showing that they have not "
                            "changed. The analysis then focuses on what matters for the case: "
                            "contacts and nicknames, chats about prices and routes, photographs of "
                            "migrants, location data, payment screenshots and links between phones "
                            "seized in different places. Combined with call detail records and "
                            "subscriber information obtained from carriers, this material allows "
                            "analysts to map the structure of the network and show the role of "
                            "each suspect.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "title": "Legal authority checklist",
                            "text": (
                                "<p>Before acting, confirm with the prosecutor: the legal basis "
                                "for open-source collection; the judicial order or documented "
                                "consent needed to examine a seized device; the order needed for "
                                "call detail records, subscriber data or the interception of "
                                "communications; and the channel required to obtain data stored "
                                "abroad. Evidence obtained without the required authority may be "
                                "excluded and may taint other evidence derived from it.</p>"
                            ),
                        },
                    ),
                ],
                "es": [
                    (
                        "text",
                        (
                            "<h2>La huella digital de una red</h2>"
                            "<p>Hoy en día, casi toda operación de tráfico ilícito de migrantes o "
                            "de trata funciona a través de teléfonos. Los captadores se anuncian "
                            "en redes sociales, los guías coordinan los traslados en grupos de "
                            "mensajería, los halcones reportan los puntos de control con notas de "
                            "voz y los cobradores envían fotografías de los migrantes a sus "
                            "familiares como prueba de vida o para exigir pagos. Esta huella "
                            "digital permite identificar a los integrantes de la red, reconstruir "
                            "rutas y cronologías y vincular incidentes aislados con una misma "
                            "organización. También es frágil: las cuentas se eliminan, los "
                            "teléfonos se restablecen y los proveedores conservan los datos solo "
                            "durante periodos limitados. La rapidez y el procedimiento correcto "
                            "son igualmente indispensables.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Investigación en fuentes abiertas</h2>"
                            "<p>La información disponible públicamente (publicaciones, perfiles, "
                            "anuncios, comentarios, videos y los metadatos que los acompañan) "
                            "puede recopilarse sin autorización especial en la mayoría de los "
                            "sistemas jurídicos, siempre que el investigador se limite a observar "
                            "lo que cualquier persona puede ver. Utilice los equipos y las cuentas "
                            "que su institución asigne para este fin, nunca cuentas personales, y "
                            "siga la política institucional sobre investigaciones en línea. No "
                            "envíe solicitudes de amistad ni mensajes a los investigados, ni "
                            "interactúe con ellos de ninguna otra forma, salvo que cuente con la "
                            "autorización legal específica que exigen las operaciones "
                            "encubiertas.</p>"
                            "<p>Capture el contenido de una manera que después pueda explicar ante "
                            "el tribunal: registre la URL completa, el nombre de la cuenta y su "
                            "identificador numérico, la fecha y hora de la captura y de la "
                            "publicación, y quién realizó la captura. Haga capturas de página "
                            "completa o grabaciones de pantalla en lugar de recortes, conserve los "
                            "archivos originales, calcule un valor hash para cada archivo y lleve "
                            "una bitácora de capturas. Después, para preservar los datos que "
                            "conserva la plataforma, envíe cuanto antes una solicitud de "
                            "preservación. Muchos proveedores con sede en Estados Unidos aceptan "
                            "solicitudes de preservación de autoridades extranjeras directamente a "
                            "través de sus portales para autoridades, pero la entrega del "
                            "contenido de las comunicaciones por lo general requerirá una "
                            "solicitud de asistencia jurídica mutua.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Protéjase usted y proteja el caso",
                            "text": (
                                "<p>Consultar un perfil desde una cuenta personal puede alertar al "
                                "investigado, exponer su identidad y comprometer la investigación. "
                                "Utilice dispositivos y cuentas asignados por su institución, "
                                "anote en la bitácora cada búsqueda que realice y nunca almacene "
                                "ni reenvíe imágenes sexuales de niñas, niños o adolescentes fuera "
                                "del procedimiento que su legislación establezca para el manejo de "
                                "ese material.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>Teléfonos y otros dispositivos asegurados</h2>"
                            "<p>Cuando se asegura un teléfono durante una detención o un cateo o "
                            "allanamiento, los primeros minutos determinan si sus datos se "
                            "conservarán. Fotografíe el dispositivo en el lugar y anote si está "
                            "encendido o apagado, qué aparece en la pantalla y quién lo tenía. Si "
                            "está encendido, aíslelo de las redes (modo avión o bolsa de bloqueo "
                            "de señal) para evitar un borrado remoto, manténgalo con carga y no "
                            "revise su contenido: cada toque modifica datos y puede ser impugnado. "
                            "Registre la contraseña que el propietario proporcione "
                            "voluntariamente, junto con las circunstancias en que lo hizo.</p>"
                            "<p>Acceder al contenido de un teléfono es una intromisión en "
                            "comunicaciones privadas. En la mayor parte de la región requiere "
                            "autorización judicial previa o, cuando la ley lo permita, el "
                            "consentimiento informado y documentado del propietario; verifique las "
                            "reglas de su código procesal penal y obtenga la orden antes del "
                            "peritaje. La extracción debe realizarla un perito capacitado con "
                            "herramientas forenses validadas, que genere una copia de los datos "
                            "con sus valores hash, de modo que el análisis se haga sobre la copia "
                            "y el original pueda verificarse. El dictamen pericial debe describir "
                            "las herramientas, las versiones y los pasos utilizados.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Cadena de custodia y análisis</h2>"
                            "<p>Cada dispositivo y cada copia digital deben contar con una cadena "
                            "de custodia documentada desde el momento del aseguramiento: quién lo "
                            "recolectó, cuándo, dónde, cómo se embaló y selló, y cada "
                            "transferencia posterior. Los archivos digitales obtenidos de fuentes "
                            "abiertas o de proveedores requieren la misma disciplina, con valores "
                            "hash que demuestren que no han sido modificados. Después, el análisis "
                            "se centra en lo que importa para el caso: contactos y apodos, "
                            "conversaciones sobre precios y rutas, fotografías de migrantes, datos "
                            "de ubicación, capturas de pagos y vínculos entre teléfonos asegurados "
                            "en distintos lugares. Combinado con los registros de llamadas y los "
                            "datos de suscriptores obtenidos de las compañías telefónicas, este "
                            "material permite a los analistas trazar la estructura de la red y "
                            "demostrar el papel de cada investigado.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "title": "Lista de verificación de la autorización legal",
                            "text": (
                                "<p>Antes de actuar, confirme con el fiscal: el fundamento legal "
                                "para recopilar información de fuentes abiertas; la orden judicial "
                                "o el consentimiento documentado que se requiere para examinar un "
                                "dispositivo asegurado; la orden necesaria para obtener registros "
                                "de llamadas o datos de suscriptores, o para intervenir "
                                "comunicaciones; y el canal exigido para obtener datos almacenados "
                                "en el extranjero. La evidencia obtenida sin la autorización "
                                "requerida puede ser excluida y contaminar otras pruebas derivadas "
                                "de ella.</p>"
                            ),
                        },
                    ),
                ],
            },
            "check": {
                "title": {
                    "en": "Lesson check: digital evidence and open sources",
                    "es": "Verificación: evidencia digital y fuentes abiertas",
                },
                "intro": {
                    "en": "Three quick questions to confirm the key points of this lesson.",
                    "es": "Tres preguntas rápidas para confirmar los puntos clave de esta lección.",
                },
                "pass_mark": 70,
                "questions": [
                    {
                        "type": "single",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "You find a smuggler's advertisement on a public social-media "
                                "page. What should you do first?"
                            ),
                            "es": (
                                "Encuentra el anuncio de un traficante en una página pública de "
                                "una red social. ¿Qué debe hacer primero?"
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Capture and document the content with an agency account, then ask "
                                "the platform to preserve the data. Interacting with the target "
                                "requires specific authority, and removal would destroy evidence."
                            ),
                            "es": (
                                "Capturar y documentar el contenido con una cuenta institucional y "
                                "luego pedir a la plataforma que preserve los datos. Interactuar "
                                "con el investigado requiere autorización específica, y la "
                                "eliminación destruiría evidencia."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": (
                                        "Capture it in full with an agency account, recording the "
                                        "URL, account identifier, date and time, and send a "
                                        "preservation request"
                                    ),
                                    "es": (
                                        "Capturarlo completo con una cuenta institucional, "
                                        "registrando la URL, el identificador de la cuenta, la "
                                        "fecha y la hora, y enviar una solicitud de preservación"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": (
                                        "Message the account posing as a migrant to ask for prices"
                                    ),
                                    "es": (
                                        "Escribir a la cuenta haciéndose pasar por migrante para "
                                        "preguntar precios"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "This is undercover activity and requires specific legal "
                                        "authority."
                                    ),
                                    "es": (
                                        "Es una actividad encubierta y requiere autorización legal "
                                        "específica."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": "Report the post so that the platform removes it",
                                    "es": (
                                        "Denunciar la publicación para que la plataforma la elimine"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "Removal before preservation may destroy evidence.",
                                    "es": (
                                        "Eliminarla antes de preservarla puede destruir evidencia."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": "Take a quick screenshot with your personal phone",
                                    "es": "Tomar una captura rápida con su teléfono personal",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Personal devices and cropped screenshots weaken the "
                                        "evidence and expose you."
                                    ),
                                    "es": (
                                        "Los dispositivos personales y las capturas recortadas "
                                        "debilitan la evidencia y lo exponen."
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "type": "truefalse",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "When a seized phone is switched on, the officer should scroll "
                                "through recent messages immediately to find leads before the "
                                "battery runs out."
                            ),
                            "es": (
                                "Cuando un teléfono asegurado está encendido, el agente debe "
                                "revisar de inmediato los mensajes recientes para encontrar pistas "
                                "antes de que se agote la batería."
                            ),
                        },
                        "feedback": {
                            "en": (
                                "False. Isolate the phone from the networks, keep it charged and "
                                "leave the examination to a trained examiner with the required "
                                "authority. Browsing changes data and can be challenged."
                            ),
                            "es": (
                                "Falso. Hay que aislar el teléfono de las redes, mantenerlo con "
                                "carga y dejar el examen a un perito capacitado, con la "
                                "autorización requerida. Revisarlo modifica datos y puede ser "
                                "impugnado."
                            ),
                        },
                        "choices": [
                            {
                                "text": {"en": "True", "es": "Verdadero"},
                                "fraction": 0,
                                "feedback": {
                                    "en": "Not quite: read the explanation.",
                                    "es": "No es así: lea la explicación.",
                                },
                            },
                            {
                                "text": {"en": "False", "es": "Falso"},
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                        ],
                    },
                    {
                        "type": "multiple",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "Which steps help ensure that a phone extraction will be "
                                "admissible in court? Select all that apply."
                            ),
                            "es": (
                                "¿Qué pasos ayudan a que la extracción de un teléfono sea "
                                "admisible en juicio? Seleccione todas las que correspondan."
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Legal authority, a forensic extraction verified by hash values "
                                "and a documented chain of custody are the foundations of "
                                "admissible digital evidence."
                            ),
                            "es": (
                                "La autorización legal, una extracción forense verificada con "
                                "valores hash y una cadena de custodia documentada son la base de "
                                "una evidencia digital admisible."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": (
                                        "Prior judicial authorisation, or documented consent where "
                                        "the law allows it"
                                    ),
                                    "es": (
                                        "Autorización judicial previa o, cuando la ley lo permita, "
                                        "consentimiento documentado"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": (
                                        "Extraction by a trained examiner with validated tools, "
                                        "with hash values"
                                    ),
                                    "es": (
                                        "Extracción por un perito capacitado con herramientas "
                                        "validadas y valores hash"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": "A chain of custody recorded from the moment of seizure",
                                    "es": (
                                        "Una cadena de custodia registrada desde el momento del "
                                        "aseguramiento"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": (
                                        "The officer's notes of messages read on the phone at the "
                                        "scene, instead of an extraction"
                                    ),
                                    "es": (
                                        "Las notas del agente sobre los mensajes que leyó en el "
                                        "teléfono en el lugar, en lugar de una extracción"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Manual browsing is not a substitute for a forensic "
                                        "extraction and may be challenged."
                                    ),
                                    "es": (
                                        "La revisión manual no sustituye una extracción forense y "
                                        "puede ser impugnada."
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
        },
        {
            "slug": {"en": "cross-border-cooperation", "es": "cooperacion-transfronteriza"},
            "title": {"en": "Cross-border cooperation", "es": "Cooperación transfronteriza"},
            "estimated_minutes": 40,
            "body": {
                "en": [
                    (
                        "text",
                        (
                            "<h2>Networks cross borders; investigations must too</h2>"
                            "<p>A single smuggling route may begin with recruitment in Honduras, "
                            "pass through stash houses in Guatemala and Mexico and end with a "
                            "final payment collected near the US border. The evidence is scattered "
                            "in the same way: witnesses in one country, bank records in another, "
                            "phones seized in a third and the organisers living somewhere else. No "
                            "agency can dismantle such a network alone. Cross-border cooperation "
                            "is therefore not an optional extra but part of the investigation plan "
                            "from the start, and it works best when investigators and prosecutors "
                            "understand the formal and informal channels available and choose the "
                            "right one for each need.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Informal channels and spontaneous information</h2>"
                            "<p>Much cooperation begins police to police and prosecutor to "
                            "prosecutor. INTERPOL National Central Bureaus allow the exchange of "
                            "information and the publication of notices, including red notices "
                            "seeking the location and arrest of wanted persons. Liaison officers "
                            "and attachés posted at embassies, among them representatives of US "
                            "agencies such as Homeland Security Investigations (HSI), the FBI and "
                            "the Department of Justice's resident legal advisors, can identify the "
                            "right counterpart, explain procedural requirements and speed up "
                            "requests. Regional networks of prosecutors and police specialised in "
                            "trafficking and smuggling serve a similar purpose.</p>"
                            "<p>The UN Convention against Transnational Organized Crime also "
                            "allows authorities to transmit information spontaneously, without a "
                            "prior request, when they believe it could help a foreign counterpart "
                            "undertake or conclude an investigation. Sharing a phone number that "
                            "appears in both countries' cases, or warning that a group of migrants "
                            "is about to be moved, can save lives. Information obtained through "
                            "informal channels is usually intended to guide investigations; if it "
                            "is to be used as evidence at trial, it will generally have to be "
                            "obtained again through formal channels.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Mutual legal assistance</h2>"
                            "<p>Formal mutual legal assistance (MLA) is the channel for obtaining "
                            "evidence that must be admissible in court: bank and business records, "
                            "witness statements, searches, seizures and the freezing of assets. "
                            "Requests are based on bilateral treaties, on multilateral instruments "
                            "such as the Inter-American Convention on Mutual Assistance in "
                            "Criminal Matters, or on Article 18 of the Palermo Convention, which "
                            "can serve as a legal basis between States Parties that have no treaty "
                            "between them. They are transmitted through the central authority "
                            "designated by each State.</p>"
                            "<p>A good request is specific and self-contained. It summarises the "
                            "facts, identifies the offences and quotes the relevant provisions, "
                            "explains how the evidence sought is linked to the case, describes "
                            "exactly what is requested and any procedure that must be followed so "
                            "that the evidence will be admissible in the requesting State (for "
                            "example, certification of records or the presence of the defence "
                            "during a witness statement), states whether confidentiality is needed "
                            "and justifies any urgency. Translate it into the language of the "
                            "requested State. Contact the counterpart or the liaison officer "
                            "before sending it: a short conversation often avoids months of "
                            "correspondence over missing details.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Before you send the request",
                            "text": (
                                "<p>Call first, draft together and send once. Ask the requested "
                                "State what format, certification and level of detail it needs, "
                                "check whether dual criminality is required for the measure you "
                                "are seeking, and agree on a contact person on each side to follow "
                                "up.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>Joint investigations and coordination with US counterparts</h2>"
                            "<p>Article 19 of the Palermo Convention encourages States to "
                            "establish joint investigative bodies, by agreement or case by case, "
                            "when several countries are investigating the same network. In a joint "
                            "investigation the teams agree on objectives, share information under "
                            "agreed rules, coordinate operations such as simultaneous arrests and "
                            "decide early where each suspect will be prosecuted. When US agencies "
                            "are investigating the same network, as in cases pursued under "
                            "initiatives such as Joint Task Force Alpha, deconfliction is "
                            "essential: share target lists through the appropriate channels, avoid "
                            "operations that compromise each other's sources, respect each "
                            "country's sovereignty and rules of evidence, and plan how witnesses "
                            "and evidence will be made available to whichever court tries the "
                            "case.</p>"
                            "<h2>Extradition basics</h2>"
                            "<p>Extradition surrenders a person to stand trial or serve a sentence "
                            "in the requesting State. It usually requires a treaty, or a domestic "
                            "law allowing it on the basis of reciprocity; dual criminality, "
                            "meaning that the conduct is a crime in both States; and respect for "
                            "the rule of speciality, under which the person may be tried only for "
                            "the offences for which extradition was granted. Urgent cases may "
                            "start with a request for provisional arrest with a view to "
                            "extradition, often preceded by an INTERPOL red notice. Some "
                            "constitutions restrict or condition the extradition of nationals; "
                            "where a State refuses extradition solely on that ground, the Palermo "
                            "Convention requires it, at the request of the State seeking "
                            "extradition, to submit the case to its own authorities for "
                            "prosecution, which makes sharing the evidence all the more "
                            "important.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "case",
                            "title": "Illustrative scenario (fictional)",
                            "text": (
                                "<p>Prosecutors in two countries discover that the same phone "
                                "number appears in a kidnapping-for-ransom case and in a smuggling "
                                "case involving a trailer. Through their liaison officers they "
                                "share the number spontaneously, agree on a joint strategy and "
                                "send coordinated mutual legal assistance requests for subscriber "
                                "and transfer records. The records link a collector in one country "
                                "to the organiser in the other, and both are arrested in "
                                "simultaneous operations, with an agreement made in advance on "
                                "where each will be prosecuted.</p>"
                            ),
                        },
                    ),
                ],
                "es": [
                    (
                        "text",
                        (
                            "<h2>Las redes cruzan fronteras; las investigaciones también deben "
                            "hacerlo</h2>"
                            "<p>Una misma ruta de tráfico puede empezar con la captación en "
                            "Honduras, pasar por casas de seguridad en Guatemala y México y "
                            "terminar con un pago final cobrado cerca de la frontera con Estados "
                            "Unidos. La evidencia está dispersa de la misma forma: testigos en un "
                            "país, registros bancarios en otro, teléfonos asegurados en un tercero "
                            "y los organizadores viviendo en otro lugar. Ninguna institución puede "
                            "desarticular sola una red así. Por eso, la cooperación "
                            "transfronteriza no es un complemento opcional, sino parte del plan de "
                            "investigación desde el principio, y funciona mejor cuando "
                            "investigadores y fiscales conocen los canales formales e informales "
                            "disponibles y eligen el adecuado para cada necesidad.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Canales informales e información espontánea</h2>"
                            "<p>Gran parte de la cooperación comienza de policía a policía y de "
                            "fiscal a fiscal. Las Oficinas Centrales Nacionales de INTERPOL "
                            "permiten intercambiar información y publicar notificaciones, entre "
                            "ellas las notificaciones rojas, que buscan la localización y "
                            "detención de personas requeridas. Los oficiales de enlace y agregados "
                            "destacados en las embajadas, entre ellos representantes de agencias "
                            "estadounidenses como Homeland Security Investigations (HSI), el FBI y "
                            "los asesores jurídicos residentes del Departamento de Justicia, "
                            "pueden identificar a la contraparte adecuada, explicar los requisitos "
                            "procesales y agilizar las solicitudes. Las redes regionales de "
                            "fiscales y policías especializados en trata y tráfico cumplen una "
                            "función similar.</p>"
                            "<p>La Convención de las Naciones Unidas contra la Delincuencia "
                            "Organizada Transnacional también permite que las autoridades "
                            "transmitan información de manera espontánea, sin solicitud previa, "
                            "cuando consideren que puede ayudar a una contraparte extranjera a "
                            "iniciar o concluir una investigación. Compartir un número telefónico "
                            "que aparece en casos de ambos países, o avisar que un grupo de "
                            "migrantes está por ser trasladado, puede salvar vidas. La información "
                            "obtenida por canales informales suele servir para orientar la "
                            "investigación; si se pretende usarla como prueba en juicio, por lo "
                            "general deberá obtenerse de nuevo por los canales formales.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Asistencia jurídica mutua</h2>"
                            "<p>La asistencia jurídica mutua formal es el canal para obtener "
                            "evidencia que deba ser admisible en juicio: registros bancarios y "
                            "comerciales, declaraciones de testigos, cateos o allanamientos, "
                            "aseguramientos y el congelamiento de bienes. Las solicitudes se "
                            "fundamentan en tratados bilaterales, en instrumentos multilaterales "
                            "como la Convención Interamericana sobre Asistencia Mutua en Materia "
                            "Penal o en el artículo 18 de la Convención de Palermo, que puede "
                            "servir de base jurídica entre Estados parte que no tengan un tratado "
                            "entre sí. Se transmiten por conducto de la autoridad central "
                            "designada por cada Estado.</p>"
                            "<p>Una buena solicitud es concreta y se explica por sí misma. Resume "
                            "los hechos, identifica los delitos y cita las disposiciones "
                            "aplicables, explica la relación entre la evidencia solicitada y el "
                            "caso, describe con exactitud lo que se pide y cualquier procedimiento "
                            "que deba seguirse para que la prueba sea admisible en el Estado "
                            "requirente (por ejemplo, la certificación de registros o la presencia "
                            "de la defensa durante una declaración), indica si se requiere "
                            "confidencialidad y justifica cualquier urgencia. Tradúzcala al idioma "
                            "del Estado requerido. Comuníquese con la contraparte o con el oficial "
                            "de enlace antes de enviarla: una breve conversación suele evitar "
                            "meses de correspondencia por datos faltantes.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Antes de enviar la solicitud",
                            "text": (
                                "<p>Llame primero, redacte en conjunto y envíe una sola vez. "
                                "Pregunte al Estado requerido qué formato, certificaciones y nivel "
                                "de detalle necesita, verifique si la medida que solicita exige "
                                "doble incriminación y acuerde una persona de contacto en cada "
                                "país para dar seguimiento.</p>"
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h2>Investigaciones conjuntas y coordinación con contrapartes "
                            "estadounidenses</h2>"
                            "<p>El artículo 19 de la Convención de Palermo alienta a los Estados a "
                            "establecer órganos mixtos de investigación, mediante acuerdos o caso "
                            "por caso, cuando varios países investigan a la misma red. En una "
                            "investigación conjunta, los equipos acuerdan objetivos, comparten "
                            "información conforme a reglas pactadas, coordinan operativos como "
                            "detenciones simultáneas y deciden desde el principio dónde será "
                            "juzgado cada investigado. Cuando agencias estadounidenses investigan "
                            "a la misma red, como en los casos impulsados por iniciativas como la "
                            "Fuerza de Tarea Conjunta Alfa (Joint Task Force Alpha), es "
                            "indispensable coordinarse para evitar interferencias entre "
                            "operaciones: comparta las listas de objetivos por los canales "
                            "apropiados, evite operativos que comprometan las fuentes de la otra "
                            "parte, respete la soberanía y las reglas probatorias de cada país y "
                            "planifique cómo se pondrán los testigos y la evidencia a disposición "
                            "del tribunal que conozca del caso.</p>"
                            "<h2>Nociones básicas de extradición</h2>"
                            "<p>La extradición consiste en entregar a una persona para que sea "
                            "juzgada o cumpla una condena en el Estado requirente. Por lo general "
                            "exige un tratado, o una ley interna que la permita con base en la "
                            "reciprocidad; la doble incriminación, es decir, que la conducta sea "
                            "delito en ambos Estados; y el respeto del principio de especialidad, "
                            "según el cual la persona solo puede ser juzgada por los delitos por "
                            "los que se concedió la extradición. En casos urgentes, el trámite "
                            "puede comenzar con una solicitud de detención provisional con fines "
                            "de extradición, a menudo precedida por una notificación roja de "
                            "INTERPOL. Algunas constituciones restringen o condicionan la "
                            "extradición de nacionales; cuando un Estado la niega únicamente por "
                            "ese motivo, la Convención de Palermo le obliga, a petición del Estado "
                            "que solicita la extradición, a someter el caso a sus propias "
                            "autoridades para su enjuiciamiento, lo que hace aún más importante "
                            "compartir la evidencia.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "case",
                            "title": "Escenario ilustrativo (ficticio)",
                            "text": (
                                "<p>Fiscales de dos países descubren que el mismo número "
                                "telefónico aparece en un caso de secuestro con fines de rescate y "
                                "en un caso de tráfico que involucra un tráiler. A través de sus "
                                "oficiales de enlace comparten el número de manera espontánea, "
                                "acuerdan una estrategia conjunta y envían solicitudes coordinadas "
                                "de asistencia jurídica mutua para obtener datos de suscriptores y "
                                "registros de transferencias. Los registros vinculan a un cobrador "
                                "en un país con el organizador en el otro, y ambos son detenidos "
                                "en operativos simultáneos, con un acuerdo previo sobre dónde será "
                                "juzgado cada uno.</p>"
                            ),
                        },
                    ),
                ],
            },
            "check": {
                "title": {
                    "en": "Lesson check: cross-border cooperation",
                    "es": "Verificación: cooperación transfronteriza",
                },
                "intro": {
                    "en": "Three quick questions to confirm the key points of this lesson.",
                    "es": "Tres preguntas rápidas para confirmar los puntos clave de esta lección.",
                },
                "pass_mark": 70,
                "questions": [
                    {
                        "type": "single",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "You need certified bank records from another country to use at "
                                "trial. Which channel is appropriate?"
                            ),
                            "es": (
                                "Necesita registros bancarios certificados de otro país para "
                                "usarlos en juicio. ¿Qué canal es el adecuado?"
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Evidence intended for trial is obtained through formal mutual "
                                "legal assistance, transmitted through the central authority."
                            ),
                            "es": (
                                "La evidencia que se usará en juicio se obtiene mediante "
                                "asistencia jurídica mutua formal, transmitida por conducto de la "
                                "autoridad central."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": (
                                        "A mutual legal assistance request through the central "
                                        "authority"
                                    ),
                                    "es": (
                                        "Una solicitud de asistencia jurídica mutua por conducto "
                                        "de la autoridad central"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": "A message through the INTERPOL National Central Bureau",
                                    "es": (
                                        "Un mensaje a través de la Oficina Central Nacional de "
                                        "INTERPOL"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Useful for police information, not for obtaining "
                                        "admissible records."
                                    ),
                                    "es": (
                                        "Es útil para información policial, no para obtener "
                                        "registros admisibles."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": "An email to the liaison officer asking for copies",
                                    "es": (
                                        "Un correo electrónico al oficial de enlace pidiendo copias"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": (
                                        "Liaison officers can help prepare the request but cannot "
                                        "replace it."
                                    ),
                                    "es": (
                                        "Los oficiales de enlace pueden ayudar a preparar la "
                                        "solicitud, pero no sustituirla."
                                    ),
                                },
                            },
                            {
                                "text": {
                                    "en": "An FIU-to-FIU exchange through the Egmont Group",
                                    "es": "Un intercambio entre UIF a través del Grupo Egmont",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "FIU exchanges are intelligence, not evidence for trial.",
                                    "es": (
                                        "Los intercambios entre UIF son inteligencia, no prueba "
                                        "para juicio."
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "type": "truefalse",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": (
                                "Under the Palermo Convention, authorities may transmit "
                                "information to a foreign counterpart without a prior request when "
                                "they believe it could help an investigation."
                            ),
                            "es": (
                                "Conforme a la Convención de Palermo, las autoridades pueden "
                                "transmitir información a una contraparte extranjera sin solicitud "
                                "previa cuando consideren que puede ayudar a una investigación."
                            ),
                        },
                        "feedback": {
                            "en": (
                                "True. The Convention provides for the spontaneous transmission of "
                                "information, subject to domestic law."
                            ),
                            "es": (
                                "Verdadero. La Convención prevé la transmisión espontánea de "
                                "información, sin perjuicio del derecho interno."
                            ),
                        },
                        "choices": [
                            {
                                "text": {"en": "True", "es": "Verdadero"},
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {"en": "False", "es": "Falso"},
                                "fraction": 0,
                                "feedback": {
                                    "en": "Not quite: read the explanation.",
                                    "es": "No es así: lea la explicación.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "points": 1,
                        "partial_credit": False,
                        "text": {
                            "en": "What does the rule of speciality mean in extradition?",
                            "es": (
                                "¿Qué significa el principio de especialidad en materia de "
                                "extradición?"
                            ),
                        },
                        "feedback": {
                            "en": (
                                "Speciality limits prosecution to the offences for which "
                                "extradition was granted. The requirement that the conduct be a "
                                "crime in both States is dual criminality."
                            ),
                            "es": (
                                "La especialidad limita el enjuiciamiento a los delitos por los "
                                "que se concedió la extradición. El requisito de que la conducta "
                                "sea delito en ambos Estados es la doble incriminación."
                            ),
                        },
                        "choices": [
                            {
                                "text": {
                                    "en": (
                                        "The person may be tried only for the offences for which "
                                        "extradition was granted"
                                    ),
                                    "es": (
                                        "La persona solo puede ser juzgada por los delitos por los "
                                        "que se concedió la extradición"
                                    ),
                                },
                                "fraction": 100,
                                "feedback": {"en": "Correct.", "es": "Correcto."},
                            },
                            {
                                "text": {
                                    "en": "The conduct must be a crime in both States",
                                    "es": "La conducta debe ser delito en ambos Estados",
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "That is dual criminality.",
                                    "es": "Eso es la doble incriminación.",
                                },
                            },
                            {
                                "text": {
                                    "en": "Only specialised courts may hear the case",
                                    "es": (
                                        "Solo los tribunales especializados pueden conocer del caso"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "Speciality does not refer to the type of court.",
                                    "es": "La especialidad no se refiere al tipo de tribunal.",
                                },
                            },
                            {
                                "text": {
                                    "en": (
                                        "Only nationals of the requesting State may be extradited"
                                    ),
                                    "es": (
                                        "Solo pueden ser extraditados los nacionales del Estado "
                                        "requirente"
                                    ),
                                },
                                "fraction": 0,
                                "feedback": {
                                    "en": "Nationality rules are a separate matter.",
                                    "es": "Las reglas sobre nacionalidad son un asunto distinto.",
                                },
                            },
                        ],
                    },
                ],
            },
        },
    ],
    "pretest": {
        "title": {
            "en": "Pre-test: what do you already know?",
            "es": "Evaluación diagnóstica: ¿qué sabe ya?",
        },
        "intro": {
            "en": (
                "This short pre-test is not graded for certification. It helps you and your "
                "trainers see which topics need the most attention."
            ),
            "es": (
                "Esta breve evaluación diagnóstica no cuenta para la certificación. Le ayuda a "
                "usted y a sus instructores a identificar los temas que requieren más atención."
            ),
        },
        "pass_mark": 70,
        "questions": [
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "In Spanish legal terminology, “trafficking in persons” is correctly "
                        "translated as:"
                    ),
                    "es": (
                        "En la terminología jurídica en español, el término inglés “trafficking in "
                        "persons” se traduce correctamente como:"
                    ),
                },
                "feedback": {
                    "en": (
                        "“Trafficking in persons” is “trata de personas”. “Smuggling of migrants” "
                        "is “tráfico ilícito de migrantes”, and some national laws call it "
                        "“tráfico de personas”."
                    ),
                    "es": (
                        "“Trafficking in persons” es «trata de personas». “Smuggling of migrants” "
                        "es «tráfico ilícito de migrantes», y algunas leyes nacionales lo llaman "
                        "«tráfico de personas»."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "Trata de personas", "es": "Trata de personas"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "Tráfico de personas", "es": "Tráfico de personas"},
                        "fraction": 0,
                        "feedback": {
                            "en": "Some laws use this term for smuggling, not trafficking.",
                            "es": (
                                "Algunas leyes usan este término para el tráfico de migrantes, no "
                                "para la trata."
                            ),
                        },
                    },
                    {
                        "text": {
                            "en": "Tráfico ilícito de migrantes",
                            "es": "Tráfico ilícito de migrantes",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "This is the term for smuggling of migrants.",
                            "es": (
                                "Este es el término para el tráfico ilícito de migrantes "
                                "(smuggling)."
                            ),
                        },
                    },
                    {
                        "text": {"en": "Contrabando de personas", "es": "Contrabando de personas"},
                        "fraction": 0,
                        "feedback": {
                            "en": "This is not a term used in the Palermo Protocols.",
                            "es": "No es un término que usen los Protocolos de Palermo.",
                        },
                    },
                ],
            },
            {
                "type": "truefalse",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": "Smuggling of migrants always involves crossing an international border.",
                    "es": (
                        "El tráfico ilícito de migrantes siempre implica cruzar una frontera "
                        "internacional."
                    ),
                },
                "feedback": {
                    "en": (
                        "True. Smuggling is defined by procuring illegal entry into a State of "
                        "which the person is not a national or permanent resident. Trafficking, by "
                        "contrast, can occur within one country."
                    ),
                    "es": (
                        "Verdadero. El tráfico se define por facilitar la entrada ilegal en un "
                        "Estado del que la persona no es nacional ni residente permanente. La "
                        "trata, en cambio, puede ocurrir dentro de un mismo país."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "True", "es": "Verdadero"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "False", "es": "Falso"},
                        "fraction": 0,
                        "feedback": {
                            "en": "Not quite: read the explanation.",
                            "es": "No es así: lea la explicación.",
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Migrants are found inside a closed trailer on a hot afternoon. What comes "
                        "first?"
                    ),
                    "es": (
                        "Se encuentra a varios migrantes dentro de la caja cerrada de un tráiler "
                        "en una tarde calurosa. ¿Qué es lo primero?"
                    ),
                },
                "feedback": {
                    "en": (
                        "Life comes first. Closed trailers can become deadly within hours in the "
                        "heat; evidence collection and interviews follow once people are safe."
                    ),
                    "es": (
                        "La vida es lo primero. Las cajas cerradas pueden volverse mortales en "
                        "pocas horas con el calor; la recolección de evidencia y las entrevistas "
                        "vienen después, cuando las personas estén a salvo."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": "Open the trailer and provide water and medical care",
                            "es": "Abrir el tráiler y proporcionar agua y atención médica",
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "Photograph the interior before anyone is moved",
                            "es": "Fotografiar el interior antes de que alguien se mueva",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Documentation matters, but not before saving lives.",
                            "es": "La documentación es importante, pero no antes de salvar vidas.",
                        },
                    },
                    {
                        "text": {
                            "en": "Keep the trailer closed until the forensic team arrives",
                            "es": "Mantener cerrado el tráiler hasta que llegue el equipo forense",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Waiting could cost lives.",
                            "es": "Esperar podría costar vidas.",
                        },
                    },
                    {
                        "text": {
                            "en": "Take statements immediately while memories are fresh",
                            "es": (
                                "Tomar declaraciones de inmediato, mientras los recuerdos están "
                                "frescos"
                            ),
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Immediate needs come before any interview.",
                            "es": "Las necesidades inmediatas van antes que cualquier entrevista.",
                        },
                    },
                ],
            },
            {
                "type": "truefalse",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Inconsistencies in a trauma victim's account are a reliable sign that the "
                        "person is lying."
                    ),
                    "es": (
                        "Las inconsistencias en el relato de una víctima de trauma son un indicio "
                        "confiable de que la persona miente."
                    ),
                },
                "feedback": {
                    "en": (
                        "False. Trauma commonly affects memory for dates, sequence and detail. "
                        "Inconsistencies should be explored and corroborated, not treated as proof "
                        "of lying."
                    ),
                    "es": (
                        "Falso. El trauma suele afectar la memoria sobre fechas, secuencias y "
                        "detalles. Las inconsistencias deben explorarse y corroborarse, no tomarse "
                        "como prueba de mentira."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "True", "es": "Verdadero"},
                        "fraction": 0,
                        "feedback": {
                            "en": "Not quite: read the explanation.",
                            "es": "No es así: lea la explicación.",
                        },
                    },
                    {
                        "text": {"en": "False", "es": "Falso"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                ],
            },
            {
                "type": "multiple",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Which of the following are used by networks to move smuggling fees? "
                        "Select all that apply."
                    ),
                    "es": (
                        "¿Cuáles de los siguientes medios usan las redes para mover las cuotas del "
                        "tráfico? Seleccione todas las que correspondan."
                    ),
                },
                "feedback": {
                    "en": (
                        "Remittance companies, hawala-type informal transfers and mobile wallets "
                        "are all used to move fees. INTERPOL notices are a police cooperation "
                        "tool, not a payment method."
                    ),
                    "es": (
                        "Las empresas de remesas, las transferencias informales de tipo hawala y "
                        "las billeteras móviles se usan para mover cuotas. Las notificaciones de "
                        "INTERPOL son una herramienta de cooperación policial, no un medio de pago."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "Remittance companies", "es": "Empresas de remesas"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "Hawala-type informal transfers",
                            "es": "Transferencias informales de tipo hawala",
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "Mobile wallets", "es": "Billeteras móviles"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "INTERPOL notices", "es": "Notificaciones de INTERPOL"},
                        "fraction": 0,
                        "feedback": {
                            "en": "These are a cooperation tool, not a payment method.",
                            "es": "Son una herramienta de cooperación, no un medio de pago.",
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": "What is a preservation request sent to an online platform?",
                    "es": (
                        "¿Qué es una solicitud de preservación enviada a una plataforma en línea?"
                    ),
                },
                "feedback": {
                    "en": (
                        "A preservation request asks the provider to keep existing data for a "
                        "limited period while the formal legal process to obtain it is completed."
                    ),
                    "es": (
                        "Una solicitud de preservación pide al proveedor que conserve los datos "
                        "existentes durante un periodo limitado, mientras se completa el "
                        "procedimiento legal formal para obtenerlos."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "A request to keep existing data while formal legal process is "
                                "obtained"
                            ),
                            "es": (
                                "Una solicitud para que conserve los datos existentes mientras se "
                                "tramita el procedimiento legal formal"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "A request to remove harmful content",
                            "es": "Una solicitud para eliminar contenido dañino",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Removal is a different request and can destroy evidence.",
                            "es": "La eliminación es otra solicitud y puede destruir evidencia.",
                        },
                    },
                    {
                        "text": {
                            "en": "An order requiring immediate disclosure of message content",
                            "es": (
                                "Una orden que exige la entrega inmediata del contenido de los "
                                "mensajes"
                            ),
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Content disclosure generally requires formal legal process.",
                            "es": (
                                "La entrega del contenido generalmente requiere un procedimiento "
                                "legal formal."
                            ),
                        },
                    },
                    {
                        "text": {
                            "en": "A request to suspend the suspect's account",
                            "es": "Una solicitud para suspender la cuenta del investigado",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Suspending the account could alert the suspect.",
                            "es": "Suspender la cuenta podría alertar al investigado.",
                        },
                    },
                ],
            },
        ],
    },
    "final_exam": {
        "title": {
            "en": "Final exam: Investigating Human-Smuggling Networks",
            "es": "Examen final: Investigación de redes de tráfico ilícito de migrantes",
        },
        "intro": {
            "en": (
                "The final exam covers all five lessons. You need 70% to pass and obtain the "
                "certificate. Read each question carefully; some questions have more than one "
                "correct answer."
            ),
            "es": (
                "El examen final abarca las cinco lecciones. Necesita el 70 % para aprobar y "
                "obtener el certificado. Lea cada pregunta con atención; algunas preguntas tienen "
                "más de una respuesta correcta."
            ),
        },
        "pass_mark": 70,
        "questions": [
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "A group of migrants pays a guide to take them across a border. On arrival "
                        "they are released and continue on their own; there were no threats and no "
                        "exploitation. Which offence best describes the guide's conduct?"
                    ),
                    "es": (
                        "Un grupo de migrantes paga a un guía para que los cruce por una frontera. "
                        "Al llegar, los dejan ir y continúan por su cuenta; no hubo amenazas ni "
                        "explotación. ¿Qué delito describe mejor la conducta del guía?"
                    ),
                },
                "feedback": {
                    "en": (
                        "Procuring illegal entry for a financial benefit, without exploitation, is "
                        "smuggling of migrants."
                    ),
                    "es": (
                        "Facilitar la entrada ilegal a cambio de un beneficio financiero, sin "
                        "explotación, constituye tráfico ilícito de migrantes."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": "Smuggling of migrants",
                            "es": "Tráfico ilícito de migrantes",
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "Trafficking in persons", "es": "Trata de personas"},
                        "fraction": 0,
                        "feedback": {
                            "en": "There is no purpose of exploitation.",
                            "es": "No existe un fin de explotación.",
                        },
                    },
                    {
                        "text": {
                            "en": "Both, because migrants are always vulnerable",
                            "es": "Ambos, porque los migrantes siempre son vulnerables",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": (
                                "Vulnerability alone does not establish the elements of "
                                "trafficking."
                            ),
                            "es": (
                                "La vulnerabilidad, por sí sola, no configura los elementos de la "
                                "trata."
                            ),
                        },
                    },
                    {
                        "text": {
                            "en": "No offence, because the migrants consented",
                            "es": "Ningún delito, porque los migrantes consintieron",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "The migrants' consent does not remove the smuggler's liability.",
                            "es": (
                                "El consentimiento de los migrantes no elimina la responsabilidad "
                                "del traficante."
                            ),
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Midway through a journey, the guide locks the migrants in a house and "
                        "forces them to work to pay off a “new debt”. How should the case now be "
                        "approached?"
                    ),
                    "es": (
                        "A mitad del viaje, el guía encierra a los migrantes en una casa y los "
                        "obliga a trabajar para pagar una «nueva deuda». ¿Cómo debe abordarse "
                        "ahora el caso?"
                    ),
                },
                "feedback": {
                    "en": (
                        "Smuggling can turn into trafficking when exploitation appears. The "
                        "initial consent to travel does not exclude trafficking, and the migrants "
                        "are victims, not co-offenders."
                    ),
                    "es": (
                        "El tráfico puede convertirse en trata cuando aparece la explotación. El "
                        "consentimiento inicial para viajar no excluye la trata, y los migrantes "
                        "son víctimas, no coautores."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "Investigate possible trafficking and deprivation of liberty as "
                                "well as smuggling"
                            ),
                            "es": (
                                "Investigar una posible trata y privación de la libertad, además "
                                "del tráfico"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": (
                                "Treat it only as smuggling, because the migrants agreed to travel"
                            ),
                            "es": (
                                "Tratarlo solo como tráfico, porque los migrantes aceptaron viajar"
                            ),
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Initial consent does not exclude trafficking.",
                            "es": "El consentimiento inicial no excluye la trata.",
                        },
                    },
                    {
                        "text": {
                            "en": "Charge the migrants as co-offenders in the smuggling",
                            "es": "Acusar a los migrantes como coautores del tráfico",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Migrants are not liable for being the object of smuggling.",
                            "es": (
                                "Los migrantes no son responsables por haber sido objeto de "
                                "tráfico."
                            ),
                        },
                    },
                    {
                        "text": {
                            "en": "Close the case because no border has yet been crossed",
                            "es": "Cerrar el caso porque todavía no se ha cruzado ninguna frontera",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Trafficking does not require a border crossing.",
                            "es": "La trata no exige el cruce de una frontera.",
                        },
                    },
                ],
            },
            {
                "type": "multiple",
                "points": 2,
                "partial_credit": True,
                "text": {
                    "en": (
                        "Which of the following are indicators that should prompt further "
                        "questions at a checkpoint? Select all that apply."
                    ),
                    "es": (
                        "¿Cuáles de los siguientes son indicadores que deben motivar más preguntas "
                        "en un punto de control? Seleccione todas las que correspondan."
                    ),
                },
                "feedback": {
                    "en": (
                        "Control of documents by one person, rehearsed stories without a known "
                        "destination and a lookout vehicle are recognised indicators. Language and "
                        "nationality are not indicators; using them is discriminatory profiling."
                    ),
                    "es": (
                        "El control de los documentos por una sola persona, las versiones "
                        "ensayadas sin un destino conocido y un vehículo halcón son indicadores "
                        "reconocidos. El idioma y la nacionalidad no son indicadores; usarlos "
                        "constituye un perfilamiento discriminatorio."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": "One passenger holds everyone's identity documents and tickets",
                            "es": (
                                "Un pasajero guarda los documentos de identidad y los boletos de "
                                "todos"
                            ),
                        },
                        "fraction": "33.33333",
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": (
                                "The travellers give identical, rehearsed accounts but cannot name "
                                "their destination"
                            ),
                            "es": (
                                "Los viajeros dan versiones idénticas y ensayadas, pero no saben "
                                "nombrar su destino"
                            ),
                        },
                        "fraction": "33.33333",
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": (
                                "A car travelling just ahead of the bus appears to report on the "
                                "checkpoint"
                            ),
                            "es": (
                                "Un automóvil que circula justo delante del autobús parece avisar "
                                "sobre el punto de control"
                            ),
                        },
                        "fraction": "33.33333",
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "A traveller speaks an indigenous language",
                            "es": "Un viajero habla un idioma indígena",
                        },
                        "fraction": -50,
                        "feedback": {
                            "en": "Language is not an indicator; relying on it is profiling.",
                            "es": "El idioma no es un indicador; basarse en él es perfilamiento.",
                        },
                    },
                    {
                        "text": {
                            "en": "The passengers are all from the same country",
                            "es": "Todos los pasajeros son del mismo país",
                        },
                        "fraction": -50,
                        "feedback": {
                            "en": "Nationality is not an indicator of a crime.",
                            "es": "La nacionalidad no es un indicador de delito.",
                        },
                    },
                ],
            },
            {
                "type": "truefalse",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Trafficking in persons can be committed entirely within one country, "
                        "without crossing any border."
                    ),
                    "es": (
                        "La trata de personas puede cometerse íntegramente dentro de un mismo "
                        "país, sin cruzar ninguna frontera."
                    ),
                },
                "feedback": {
                    "en": "True. Unlike smuggling, trafficking does not require a border crossing.",
                    "es": (
                        "Verdadero. A diferencia del tráfico ilícito de migrantes, la trata no "
                        "exige el cruce de una frontera."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "True", "es": "Verdadero"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "False", "es": "Falso"},
                        "fraction": 0,
                        "feedback": {
                            "en": "Not quite: read the explanation.",
                            "es": "No es así: lea la explicación.",
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": "Which question is most consistent with a trauma-informed interview?",
                    "es": (
                        "¿Qué pregunta es más coherente con una entrevista informada en el trauma?"
                    ),
                },
                "feedback": {
                    "en": (
                        "Open, non-judgemental questions invite a free account. The other options "
                        "imply blame or pressure the witness."
                    ),
                    "es": (
                        "Las preguntas abiertas y sin juicios invitan a un relato libre. Las demás "
                        "opciones culpan a la víctima o presionan al testigo."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "“What happened next?”", "es": "«¿Qué pasó después?»"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "“Why didn't you run away when you had the chance?”",
                            "es": "«¿Por qué no se escapó cuando tuvo la oportunidad?»",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "This implies blame.",
                            "es": "Esta pregunta culpa a la víctima.",
                        },
                    },
                    {
                        "text": {
                            "en": "“Are you sure? Yesterday you said something different.”",
                            "es": "«¿Está segura? Ayer dijo otra cosa.»",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "This pressures the witness and suggests disbelief.",
                            "es": "Presiona al testigo y sugiere que no se le cree.",
                        },
                    },
                    {
                        "text": {
                            "en": "“You went with them voluntarily, didn't you?”",
                            "es": "«Usted se fue con ellos por su voluntad, ¿verdad?»",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "This is a leading question that suggests the answer.",
                            "es": "Es una pregunta sugestiva que induce la respuesta.",
                        },
                    },
                ],
            },
            {
                "type": "truefalse",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Under Article 36 of the Vienna Convention on Consular Relations, a "
                        "detained foreign national must be informed without delay of the right to "
                        "have their consulate notified."
                    ),
                    "es": (
                        "Conforme al artículo 36 de la Convención de Viena sobre Relaciones "
                        "Consulares, a una persona extranjera detenida se le debe informar sin "
                        "dilación de su derecho a que se notifique a su consulado."
                    ),
                },
                "feedback": {
                    "en": (
                        "True. Some bilateral agreements go further and make notification "
                        "mandatory."
                    ),
                    "es": (
                        "Verdadero. Algunos acuerdos bilaterales van más allá y hacen obligatoria "
                        "la notificación."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "True", "es": "Verdadero"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "False", "es": "Falso"},
                        "fraction": 0,
                        "feedback": {
                            "en": "Not quite: read the explanation.",
                            "es": "No es así: lea la explicación.",
                        },
                    },
                ],
            },
            {
                "type": "multiple",
                "points": 2,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Which measures help avoid re-traumatising a victim? Select all that apply."
                    ),
                    "es": (
                        "¿Qué medidas ayudan a evitar la revictimización? Seleccione todas las que "
                        "correspondan."
                    ),
                },
                "feedback": {
                    "en": (
                        "A single coordinated interview, advance-evidence procedures and "
                        "specialised facilities reduce repetition and stress. Confrontations and "
                        "repeated interviews by each agency do the opposite."
                    ),
                    "es": (
                        "Una sola entrevista coordinada, la prueba anticipada y las instalaciones "
                        "especializadas reducen la repetición y el estrés. Los careos y las "
                        "entrevistas repetidas por cada institución producen el efecto contrario."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "A single, thorough interview agreed with the prosecutor and "
                                "video-recorded where the law allows"
                            ),
                            "es": (
                                "Una sola entrevista exhaustiva acordada con el fiscal y grabada "
                                "en video cuando la ley lo permita"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": (
                                "Asking the prosecutor about advance evidence (prueba anticipada) "
                                "if the witness may leave the country"
                            ),
                            "es": (
                                "Consultar al fiscal sobre la prueba anticipada si el testigo "
                                "podría salir del país"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "Using a Gesell chamber and trained interviewers for children",
                            "es": (
                                "Utilizar la cámara Gesell y entrevistadores capacitados con "
                                "niñas, niños y adolescentes"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": (
                                "A face-to-face confrontation with the suspect to test credibility"
                            ),
                            "es": "Un careo con el investigado para poner a prueba su credibilidad",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "This exposes the victim to intimidation and re-traumatisation.",
                            "es": "Expone a la víctima a intimidación y revictimización.",
                        },
                    },
                    {
                        "text": {
                            "en": (
                                "Separate interviews by each agency involved, so that none misses "
                                "details"
                            ),
                            "es": (
                                "Entrevistas separadas por cada institución involucrada, para que "
                                "ninguna pierda detalles"
                            ),
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Repeated interviews are a main cause of re-traumatisation.",
                            "es": (
                                "Las entrevistas repetidas son una de las principales causas de "
                                "revictimización."
                            ),
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Which evidence best proves the “financial or other material benefit” "
                        "element of smuggling?"
                    ),
                    "es": (
                        "¿Qué evidencia acredita mejor el elemento del «beneficio financiero u "
                        "otro beneficio de orden material» del tráfico?"
                    ),
                },
                "feedback": {
                    "en": (
                        "Payment records linked to the suspect, corroborated by testimony, show "
                        "the benefit directly."
                    ),
                    "es": (
                        "Los registros de pagos vinculados con el investigado, corroborados por "
                        "testimonios, demuestran directamente el beneficio."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "Transfer records, receipts and testimony showing payments to the "
                                "suspect"
                            ),
                            "es": (
                                "Registros de transferencias, comprobantes y testimonios que "
                                "muestran pagos al investigado"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "The nationality of the migrants",
                            "es": "La nacionalidad de los migrantes",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Nationality says nothing about benefit.",
                            "es": "La nacionalidad no dice nada sobre el beneficio.",
                        },
                    },
                    {
                        "text": {
                            "en": "The registration of the vehicle used",
                            "es": "El registro del vehículo utilizado",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "This may link the suspect to the transport, not to a benefit.",
                            "es": (
                                "Puede vincular al investigado con el transporte, no con un "
                                "beneficio."
                            ),
                        },
                    },
                    {
                        "text": {
                            "en": "Photographs of the border crossing point",
                            "es": "Fotografías del punto de cruce fronterizo",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "These document the route, not the payment.",
                            "es": "Documentan la ruta, no el pago.",
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": "In the context of smuggling networks, what is a money mule?",
                    "es": "En el contexto de las redes de tráfico, ¿qué es una mula de dinero?",
                },
                "feedback": {
                    "en": (
                        "Money mules receive and withdraw funds on behalf of the network so that "
                        "the organisers do not appear in financial records."
                    ),
                    "es": (
                        "Las mulas de dinero reciben y retiran fondos por cuenta de la red para "
                        "que los organizadores no aparezcan en los registros financieros."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "A person who receives or withdraws funds for the network so that "
                                "the organisers stay hidden"
                            ),
                            "es": (
                                "Una persona que recibe o retira fondos por cuenta de la red para "
                                "que los organizadores permanezcan ocultos"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "A courier who carries drugs across the border",
                            "es": "Un mensajero que transporta droga a través de la frontera",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "That is a drug courier, not a money mule.",
                            "es": "Ese es un correo de droga, no una mula de dinero.",
                        },
                    },
                    {
                        "text": {
                            "en": "A migrant who pays the smuggling fee",
                            "es": "Una persona migrante que paga la cuota del tráfico",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Paying one's own fee does not make someone a mule.",
                            "es": "Pagar la propia cuota no convierte a alguien en mula.",
                        },
                    },
                    {
                        "text": {
                            "en": "A bank employee who files suspicious transaction reports",
                            "es": (
                                "Un empleado bancario que presenta reportes de operaciones "
                                "sospechosas"
                            ),
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "That is a compliance function.",
                            "es": "Esa es una función de cumplimiento.",
                        },
                    },
                ],
            },
            {
                "type": "truefalse",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Non-conviction-based forfeiture (extinción de dominio) can allow assets "
                        "of illicit origin or use to be forfeited in proceedings separate from the "
                        "criminal trial."
                    ),
                    "es": (
                        "La extinción de dominio puede permitir la pérdida de bienes de origen o "
                        "destino ilícito en un procedimiento independiente del juicio penal."
                    ),
                },
                "feedback": {
                    "en": (
                        "True. The countries of the region have such laws; in Honduras the "
                        "mechanism is called privación definitiva del dominio."
                    ),
                    "es": (
                        "Verdadero. Los países de la región cuentan con este tipo de leyes; en "
                        "Honduras, el mecanismo se denomina privación definitiva del dominio."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "True", "es": "Verdadero"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "False", "es": "Falso"},
                        "fraction": 0,
                        "feedback": {
                            "en": "Not quite: read the explanation.",
                            "es": "No es así: lea la explicación.",
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Why is a hash value calculated for a captured file or a phone extraction?"
                    ),
                    "es": (
                        "¿Para qué se calcula un valor hash de un archivo capturado o de la "
                        "extracción de un teléfono?"
                    ),
                },
                "feedback": {
                    "en": (
                        "A hash value works as a digital fingerprint: recalculating it later shows "
                        "that the data has not changed since it was acquired."
                    ),
                    "es": (
                        "Un valor hash funciona como una huella digital de los datos: al "
                        "recalcularlo después se demuestra que no han cambiado desde que se "
                        "obtuvieron."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "To show later that the data has not been altered since it was "
                                "acquired"
                            ),
                            "es": (
                                "Para demostrar después que los datos no han sido alterados desde "
                                "que se obtuvieron"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "To encrypt the data so that only investigators can read it",
                            "es": (
                                "Para cifrar los datos de modo que solo los investigadores puedan "
                                "leerlos"
                            ),
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Hashing does not encrypt data.",
                            "es": "El cálculo del hash no cifra los datos.",
                        },
                    },
                    {
                        "text": {
                            "en": "To compress the files for storage",
                            "es": "Para comprimir los archivos y almacenarlos",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Hashing does not compress files.",
                            "es": "El cálculo del hash no comprime los archivos.",
                        },
                    },
                    {
                        "text": {
                            "en": "To identify the owner of the device",
                            "es": "Para identificar al propietario del dispositivo",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "A hash identifies data, not people.",
                            "es": "Un hash identifica datos, no personas.",
                        },
                    },
                ],
            },
            {
                "type": "multiple",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Which of the following generally require legal authority beyond simply "
                        "observing public information? Select all that apply."
                    ),
                    "es": (
                        "¿Cuáles de las siguientes actividades requieren, por lo general, una "
                        "autorización legal que va más allá de la simple observación de "
                        "información pública? Seleccione todas las que correspondan."
                    ),
                },
                "feedback": {
                    "en": (
                        "Examining a seized phone, intercepting communications and posing online "
                        "to interact with a target all intrude on privacy or involve undercover "
                        "activity. Viewing a public page is open-source observation."
                    ),
                    "es": (
                        "Examinar un teléfono asegurado, intervenir comunicaciones y hacerse pasar "
                        "por otra persona para interactuar con un investigado implican una "
                        "intromisión en la privacidad o una actividad encubierta. Consultar una "
                        "página pública es observación en fuentes abiertas."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": "Examining the contents of a seized phone",
                            "es": "Examinar el contenido de un teléfono asegurado",
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "Intercepting a suspect's communications",
                            "es": "Intervenir las comunicaciones de un investigado",
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "Posing online as a migrant to chat with a smuggler",
                            "es": (
                                "Hacerse pasar por migrante en línea para conversar con un "
                                "traficante"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "Viewing an advertisement on a public social-media page",
                            "es": "Consultar un anuncio en una página pública de una red social",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": (
                                "Observing public content generally needs no special authorisation."
                            ),
                            "es": (
                                "Observar contenido público generalmente no requiere autorización "
                                "especial."
                            ),
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "US agencies are investigating the same network as your unit. What is the "
                        "main purpose of deconfliction?"
                    ),
                    "es": (
                        "Agencias estadounidenses investigan a la misma red que su unidad. ¿Cuál "
                        "es el propósito principal de coordinarse para evitar interferencias "
                        "(deconfliction)?"
                    ),
                },
                "feedback": {
                    "en": (
                        "Deconfliction prevents operations from compromising each other and allows "
                        "early agreement on where each suspect will be prosecuted, while "
                        "respecting each country's sovereignty."
                    ),
                    "es": (
                        "Esta coordinación evita que las operaciones se comprometan entre sí y "
                        "permite acordar pronto dónde será juzgado cada investigado, respetando la "
                        "soberanía de cada país."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "To avoid operations compromising each other and agree where each "
                                "suspect will be prosecuted"
                            ),
                            "es": (
                                "Evitar que las operaciones se comprometan entre sí y acordar "
                                "dónde será juzgado cada investigado"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "To decide which country's laws will apply in both countries",
                            "es": "Decidir qué legislación nacional se aplicará en ambos países",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Each country applies its own law.",
                            "es": "Cada país aplica su propia legislación.",
                        },
                    },
                    {
                        "text": {
                            "en": "To transfer all witnesses to the United States",
                            "es": "Trasladar a todos los testigos a Estados Unidos",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Witness arrangements depend on where each case is tried.",
                            "es": (
                                "Las medidas sobre testigos dependen de dónde se juzgue cada caso."
                            ),
                        },
                    },
                    {
                        "text": {
                            "en": "To share information only after convictions are obtained",
                            "es": "Compartir información solo después de obtener condenas",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Coordination is needed during the investigation, not after it.",
                            "es": (
                                "La coordinación se necesita durante la investigación, no después."
                            ),
                        },
                    },
                ],
            },
            {
                "type": "truefalse",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Information received informally through a liaison officer can always be "
                        "used as evidence at trial without a formal request."
                    ),
                    "es": (
                        "La información recibida de manera informal a través de un oficial de "
                        "enlace siempre puede usarse como prueba en juicio sin una solicitud "
                        "formal."
                    ),
                },
                "feedback": {
                    "en": (
                        "False. Informal information generally guides the investigation; to be "
                        "used at trial it usually has to be obtained through mutual legal "
                        "assistance."
                    ),
                    "es": (
                        "Falso. La información informal generalmente orienta la investigación; "
                        "para usarse en juicio, por lo común debe obtenerse mediante asistencia "
                        "jurídica mutua."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "True", "es": "Verdadero"},
                        "fraction": 0,
                        "feedback": {
                            "en": "Not quite: read the explanation.",
                            "es": "No es así: lea la explicación.",
                        },
                    },
                    {
                        "text": {"en": "False", "es": "Falso"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "A State refuses to extradite a suspect solely because he is one of its "
                        "nationals. Under the Palermo Convention, what must it do at the request "
                        "of the State seeking extradition?"
                    ),
                    "es": (
                        "Un Estado niega la extradición de un investigado únicamente porque es su "
                        "nacional. Conforme a la Convención de Palermo, ¿qué debe hacer a petición "
                        "del Estado que solicita la extradición?"
                    ),
                },
                "feedback": {
                    "en": (
                        "The Convention applies the principle of “extradite or prosecute”: the "
                        "case must be submitted without undue delay to the State's own authorities "
                        "for prosecution."
                    ),
                    "es": (
                        "La Convención aplica el principio de «extraditar o juzgar»: el caso debe "
                        "someterse sin demora injustificada a las autoridades del propio Estado "
                        "para su enjuiciamiento."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "Submit the case to its own competent authorities for prosecution"
                            ),
                            "es": (
                                "Someter el caso a sus propias autoridades competentes para su "
                                "enjuiciamiento"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "Release the suspect, since extradition was refused",
                            "es": "Liberar al investigado, puesto que se negó la extradición",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Refusal does not end the obligation to act.",
                            "es": "La negativa no extingue la obligación de actuar.",
                        },
                    },
                    {
                        "text": {
                            "en": "Transfer the suspect to a third country",
                            "es": "Trasladar al investigado a un tercer país",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "The Convention provides no such option.",
                            "es": "La Convención no prevé esa opción.",
                        },
                    },
                    {
                        "text": {
                            "en": "Nothing further; the matter is closed",
                            "es": "Nada más; el asunto queda cerrado",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "The State must submit the case for prosecution.",
                            "es": "El Estado debe someter el caso a enjuiciamiento.",
                        },
                    },
                ],
            },
        ],
    },
}

COURSE_2 = {
    "slug": {
        "en": "chain-of-custody-for-physical-evidence",
        "es": "cadena-de-custodia-de-evidencia-fisica",
    },
    "title": {
        "en": "Chain of Custody for Physical Evidence",
        "es": "Cadena de custodia de evidencia física",
    },
    "summary": {
        "en": (
            "A short practical course on preserving the integrity of physical evidence from the "
            "scene to the courtroom, with examples from smuggling and trafficking investigations."
        ),
        "es": (
            "Un curso práctico y breve sobre cómo preservar la integridad de la evidencia física "
            "desde el lugar de los hechos hasta la sala de audiencias, con ejemplos de "
            "investigaciones de tráfico ilícito de migrantes y de trata."
        ),
    },
    "objectives": {
        "en": (
            "<ul>"
            "<li>Explain the purpose of the chain of custody and its stages.</li>"
            "<li>Document, collect, package, seal and label physical evidence correctly.</li>"
            "<li>Record every transfer and keep evidence under controlled storage conditions.</li>"
            "<li>Anticipate and answer common defence challenges in court.</li>"
            "</ul>"
        ),
        "es": "",
    },
    "audience": {
        "en": (
            "First responders, crime-scene officers, investigators and prosecutors who handle or "
            "rely on physical evidence."
        ),
        "es": (
            "Primeros respondientes, personal de criminalística de campo, investigadores y "
            "fiscales que manejan evidencia física o dependen de ella."
        ),
    },
    "estimated_hours": "2",
    "validity_months": None,
    "lessons": [
        {
            "slug": {
                "en": "principles-of-chain-of-custody",
                "es": "principios-de-la-cadena-de-custodia",
            },
            "title": {
                "en": "Principles of chain of custody",
                "es": "Principios de la cadena de custodia",
            },
            "estimated_minutes": 20,
            "body": {
                "en": [
                    (
                        "text",
                        (
                            "<h2>What chain of custody is</h2>"
                            "<p>The chain of custody is the documented, unbroken record of "
                            "everyone who has handled an item of evidence from the moment it is "
                            "found until it is presented in court, and of everything done to it "
                            "along the way. Its purpose is to satisfy the court that the item "
                            "shown at trial is the same one collected at the scene and that it has "
                            "not been altered, substituted or contaminated. In the accusatory "
                            "criminal procedure systems used across Mexico and Central America, "
                            "the chain of custody is regulated by law and by institutional "
                            "protocols, and challenging it is a frequent line of defence against "
                            "physical evidence.</p>"
                            "<p>Each country uses its own forms and terminology (in Mexico, for "
                            "example, the <em>registro de cadena de custodia</em>), but the "
                            "underlying principles are the same. Every item must be uniquely "
                            "identified, every stage must be documented, and every person who "
                            "takes custody must be able to explain what they received, in what "
                            "condition, what they did with it and to whom they handed it.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>The stages</h2>"
                            "<p>The chain begins with the identification and documentation of the "
                            "item where it is found: its position is photographed and recorded in "
                            "notes and sketches before anything is moved. It continues with "
                            "collection by trained personnel wearing the correct protective "
                            "equipment, packaging suited to the type of evidence, sealing and "
                            "labelling. It then covers transfer to the laboratory or evidence "
                            "store, storage under controlled conditions, expert analysis and, "
                            "finally, presentation at trial and the return, destruction or other "
                            "final disposal ordered by the competent authority.</p>"
                            "<p>At each transfer, the person handing over and the person receiving "
                            "record the date, the time, the condition of the packaging and seals, "
                            "and their names and signatures. Gaps in this record do not "
                            "automatically make the evidence inadmissible in every system, but "
                            "they weaken it and raise questions that the prosecution must be able "
                            "to answer.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Think of the courtroom",
                            "text": (
                                "<p>When you document an item, imagine explaining each step to a "
                                "judge two years from now. If your notes, photographs and forms "
                                "would let you answer every question without relying on memory, "
                                "the chain is well documented.</p>"
                            ),
                        },
                    ),
                ],
                "es": [
                    (
                        "text",
                        (
                            "<h2>Qué es la cadena de custodia</h2>"
                            "<p>La cadena de custodia es el registro documentado e ininterrumpido "
                            "de todas las personas que han manejado un indicio o elemento material "
                            "probatorio desde el momento en que se localiza hasta que se presenta "
                            "ante el tribunal, y de todo lo que se hizo con él en ese trayecto. Su "
                            "finalidad es que el tribunal tenga la certeza de que el objeto que se "
                            "exhibe en juicio es el mismo que se recolectó en el lugar de los "
                            "hechos y de que no ha sido alterado, sustituido ni contaminado. En "
                            "los sistemas procesales penales acusatorios vigentes en México y "
                            "Centroamérica, la cadena de custodia está regulada por la ley y por "
                            "protocolos institucionales, y cuestionarla es una línea de defensa "
                            "frecuente contra la evidencia física.</p>"
                            "<p>Cada país utiliza sus propios formatos y términos (en México, por "
                            "ejemplo, el registro de cadena de custodia), pero los principios de "
                            "fondo son los mismos. Cada indicio debe identificarse de forma única, "
                            "cada etapa debe documentarse y cada persona que asume la custodia "
                            "debe poder explicar qué recibió, en qué estado, qué hizo con ello y a "
                            "quién lo entregó.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Las etapas</h2>"
                            "<p>La cadena comienza con la identificación y documentación del "
                            "indicio en el lugar donde se encuentra: su posición se fotografía y "
                            "se registra en notas y croquis antes de mover cualquier cosa. "
                            "Continúa con la recolección por personal capacitado, con el equipo de "
                            "protección adecuado, y con el embalaje apropiado para cada tipo de "
                            "evidencia, el sellado y el etiquetado. Después abarca el traslado al "
                            "laboratorio o a la bodega de evidencias, el almacenamiento en "
                            "condiciones controladas, el análisis pericial y, finalmente, la "
                            "presentación en juicio y la devolución, destrucción u otro destino "
                            "final que ordene la autoridad competente.</p>"
                            "<p>En cada transferencia, quien entrega y quien recibe registran la "
                            "fecha, la hora, el estado del embalaje y de los sellos, así como sus "
                            "nombres y firmas. Las omisiones en este registro no hacen "
                            "automáticamente inadmisible la evidencia en todos los sistemas, pero "
                            "la debilitan y dan lugar a preguntas que la fiscalía debe poder "
                            "responder.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Piense en la sala de audiencias",
                            "text": (
                                "<p>Al documentar un indicio, imagine que debe explicar cada paso "
                                "a un juez dentro de dos años. Si sus notas, fotografías y "
                                "formatos le permitirían responder todas las preguntas sin "
                                "depender de la memoria, la cadena está bien documentada.</p>"
                            ),
                        },
                    ),
                ],
            },
            "check": None,
        },
        {
            "slug": {
                "en": "collecting-and-packaging-evidence",
                "es": "recoleccion-y-embalaje-de-indicios",
            },
            "title": {
                "en": "Collecting and packaging evidence at the scene",
                "es": "Recolección y embalaje de indicios en el lugar de los hechos",
            },
            "estimated_minutes": 20,
            "body": {
                "en": [
                    (
                        "text",
                        (
                            "<h2>Protecting the scene</h2>"
                            "<p>The first officers to arrive must preserve life, secure the scene "
                            "and prevent anyone without a role from entering. Set up a perimeter, "
                            "keep an access log of everyone who enters and leaves, and designate a "
                            "single path in and out. Note the conditions on arrival (lighting, "
                            "weather, doors and windows, vehicles present), because they can "
                            "change quickly and may matter later.</p>"
                            "<h2>Documenting before collecting</h2>"
                            "<p>Photograph the scene in general views, mid-range views and "
                            "close-ups, with and without a scale, before any item is moved. Give "
                            "each item a unique number, mark its location on a sketch and describe "
                            "it in the notes. In smuggling cases, typical items include ledgers "
                            "and lists of names, phones and SIM cards, identity documents, "
                            "money-transfer receipts, cash and objects that show the conditions in "
                            "which people were held.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Collection and packaging</h2>"
                            "<p>Wear gloves and change them between items to avoid "
                            "cross-contamination. Package each item separately in a container "
                            "suited to it: paper bags or envelopes for documents and for "
                            "biological material, which can degrade in plastic; rigid containers "
                            "for sharp objects; signal-blocking bags for phones. Seal each package "
                            "with tamper-evident tape, sign or initial across the seal, and attach "
                            "a label with the case number, item number, description, place, date, "
                            "time and the name of the person who collected it.</p>"
                            "<p>Open the chain-of-custody form for each item at the moment of "
                            "collection, not later at the office. Record on it the same item "
                            "number used in the photographs, sketch and notes, so that anyone can "
                            "match the package in the evidence store to its exact position at the "
                            "scene.</p>"
                        ),
                    ),
                ],
                "es": [],
            },
            "check": None,
        },
        {
            "slug": {"en": "transfer-storage-and-court", "es": "traslado-almacenamiento-y-juicio"},
            "title": {
                "en": "Transfer, storage and presentation in court",
                "es": "Traslado, almacenamiento y presentación en juicio",
            },
            "estimated_minutes": 20,
            "body": {
                "en": [
                    (
                        "text",
                        (
                            "<h2>Transfer and storage</h2>"
                            "<p>Evidence should move directly from the scene to the laboratory or "
                            "evidence store, by the shortest reasonable route, in the custody of "
                            "an identified person. On arrival, the receiving officer checks that "
                            "the seals are intact and that the labels match the form, records any "
                            "discrepancy and signs for the item. The evidence store must have "
                            "restricted access, a log of every entry and exit, and conditions "
                            "appropriate to each type of item, such as refrigeration for certain "
                            "biological samples or a secure safe for cash.</p>"
                            "<h2>Analysis</h2>"
                            "<p>When an expert opens a package, they document the condition of the "
                            "seal, photograph the contents, carry out the analysis and reseal the "
                            "package with a new seal signed by them, leaving the original seal "
                            "attached where possible. Any portion consumed by testing is recorded. "
                            "The expert's report should allow another expert to understand exactly "
                            "what was received and what was done with it.</p>"
                        ),
                    ),
                    (
                        "text",
                        (
                            "<h2>Presenting the evidence in court</h2>"
                            "<p>At trial, the prosecution must be ready to show, through the forms "
                            "and the testimony of the people who handled the item, that it is the "
                            "same item that was collected and that its condition is explained at "
                            "every stage. Defence challenges typically focus on unexplained gaps "
                            "in time, missing signatures, broken or replaced seals, discrepancies "
                            "between descriptions and storage conditions that could have affected "
                            "the item.</p>"
                            "<p>Prepare each witness to explain their own part of the chain. When "
                            "an error is discovered, such as a wrong date on a form, correct it "
                            "openly and on the record, with an explanation, rather than hiding it: "
                            "an honest correction is far less damaging to the case than an "
                            "inconsistency revealed in cross-examination.</p>"
                        ),
                    ),
                ],
                "es": [],
            },
            "check": None,
        },
    ],
    "pretest": None,
    "final_exam": {
        "title": {
            "en": "Final exam: Chain of Custody for Physical Evidence",
            "es": "Examen final: Cadena de custodia de evidencia física",
        },
        "intro": {
            "en": (
                "Five questions on the principles and practice of chain of custody. You need 70% "
                "to pass."
            ),
            "es": (
                "Cinco preguntas sobre los principios y la práctica de la cadena de custodia. "
                "Necesita el 70 % para aprobar."
            ),
        },
        "pass_mark": 70,
        "questions": [
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": "What is the main purpose of the chain of custody?",
                    "es": "¿Cuál es la finalidad principal de la cadena de custodia?",
                },
                "feedback": {
                    "en": (
                        "The chain of custody allows the court to be satisfied that the item "
                        "presented is the one collected and that it has not been altered, "
                        "substituted or contaminated."
                    ),
                    "es": (
                        "La cadena de custodia permite al tribunal tener la certeza de que el "
                        "objeto presentado es el que se recolectó y de que no ha sido alterado, "
                        "sustituido ni contaminado."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": (
                                "To show that the item presented in court is the one collected and "
                                "has not been altered"
                            ),
                            "es": (
                                "Demostrar que el objeto presentado en juicio es el que se "
                                "recolectó y que no ha sido alterado"
                            ),
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "To establish the guilt of the suspect",
                            "es": "Establecer la culpabilidad del investigado",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": (
                                "The chain of custody concerns the integrity of evidence, not "
                                "guilt."
                            ),
                            "es": (
                                "La cadena de custodia se refiere a la integridad de la evidencia, "
                                "no a la culpabilidad."
                            ),
                        },
                    },
                    {
                        "text": {
                            "en": "To record the expert's conclusions",
                            "es": "Registrar las conclusiones del perito",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Conclusions belong in the expert's report.",
                            "es": "Las conclusiones corresponden al dictamen pericial.",
                        },
                    },
                    {
                        "text": {
                            "en": "To keep an inventory of the unit's equipment",
                            "es": "Llevar el inventario del equipo de la unidad",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "Equipment inventories are a separate administrative record.",
                            "es": "El inventario de equipo es un registro administrativo distinto.",
                        },
                    },
                ],
            },
            {
                "type": "truefalse",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "At each transfer of evidence, both the person handing over and the person "
                        "receiving should record the date, the time, the condition of the seals "
                        "and their names and signatures."
                    ),
                    "es": (
                        "En cada transferencia de evidencia, tanto quien entrega como quien recibe "
                        "deben registrar la fecha, la hora, el estado de los sellos y sus nombres "
                        "y firmas."
                    ),
                },
                "feedback": {
                    "en": (
                        "True. Both ends of every transfer must be documented so that the chain "
                        "has no gaps."
                    ),
                    "es": (
                        "Verdadero. Ambos extremos de cada transferencia deben documentarse para "
                        "que la cadena no tenga vacíos."
                    ),
                },
                "choices": [
                    {
                        "text": {"en": "True", "es": "Verdadero"},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {"en": "False", "es": "Falso"},
                        "fraction": 0,
                        "feedback": {
                            "en": "Not quite: read the explanation.",
                            "es": "No es así: lea la explicación.",
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": "When should the chain-of-custody form for an item be opened?",
                    "es": "¿Cuándo debe abrirse el registro de cadena de custodia de un indicio?",
                },
                "feedback": {
                    "en": (
                        "The form is opened at the moment of collection so that the record starts "
                        "where the item was found."
                    ),
                    "es": (
                        "El registro se abre en el momento de la recolección, para que comience "
                        "donde se encontró el indicio."
                    ),
                },
                "choices": [
                    {
                        "text": {
                            "en": "At the moment of collection, at the scene",
                            "es": "En el momento de la recolección, en el lugar de los hechos",
                        },
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": "Correcto."},
                    },
                    {
                        "text": {
                            "en": "On returning to the office",
                            "es": "Al regresar a la oficina",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "This leaves an undocumented gap.",
                            "es": "Esto deja un vacío sin documentar.",
                        },
                    },
                    {
                        "text": {
                            "en": "When the laboratory receives the item",
                            "es": "Cuando el laboratorio recibe el indicio",
                        },
                        "fraction": 0,
                        "feedback": {
                            "en": "The collection and transfer would be undocumented.",
                            "es": "La recolección y el traslado quedarían sin documentar.",
                        },
                    },
                    {
                        "text": {"en": "Shortly before trial", "es": "Poco antes del juicio"},
                        "fraction": 0,
                        "feedback": {
                            "en": "A record created late cannot show what happened earlier.",
                            "es": (
                                "Un registro elaborado tarde no puede demostrar lo ocurrido antes."
                            ),
                        },
                    },
                ],
            },
            {
                "type": "single",
                "points": 1,
                "partial_credit": False,
                "text": {
                    "en": (
                        "Which packaging is generally most appropriate for documents and "
                        "biological material?"
                    ),
                    "es": "",
                },
                "feedback": {
                    "en": (
                        "Paper allows biological material to breathe and protects documents; "
                        "plastic can trap moisture and degrade samples."
                    ),
                    "es": "",
                },
                "choices": [
                    {
                        "text": {"en": "Paper bags or envelopes", "es": ""},
                        "fraction": 100,
                        "feedback": {"en": "Correct.", "es": ""},
                    },
                    {
                        "text": {"en": "Sealed plastic bags", "es": ""},
                        "fraction": 0,
                        "feedback": {
                            "en": "Plastic can trap moisture and degrade biological material.",
                            "es": "",
                        },
                    },
                    {
                        "text": {"en": "Signal-blocking bags", "es": ""},
                        "fraction": 0,
                        "feedback": {
                            "en": "These are designed for phones and other wireless devices.",
                            "es": "",
                        },
                    },
                    {
                        "text": {"en": "No packaging, to avoid contamination", "es": ""},
                        "fraction": 0,
                        "feedback": {
                            "en": "Unpackaged items are exposed to loss and contamination.",
                            "es": "",
                        },
                    },
                ],
            },
            {
                "type": "multiple",
                "points": 1,
                "partial_credit": True,
                "text": {
                    "en": (
                        "Which of the following are common grounds for defence challenges to the "
                        "chain of custody? Select all that apply."
                    ),
                    "es": "",
                },
                "feedback": {
                    "en": (
                        "Unexplained time gaps, broken or replaced seals and missing signatures "
                        "all cast doubt on the integrity of evidence. Photographing an item before "
                        "collection is good practice."
                    ),
                    "es": "",
                },
                "choices": [
                    {
                        "text": {"en": "Unexplained gaps in time between transfers", "es": ""},
                        "fraction": "33.33333",
                        "feedback": {"en": "Correct.", "es": ""},
                    },
                    {
                        "text": {"en": "Broken or replaced seals with no explanation", "es": ""},
                        "fraction": "33.33333",
                        "feedback": {"en": "Correct.", "es": ""},
                    },
                    {
                        "text": {"en": "Missing signatures on the custody form", "es": ""},
                        "fraction": "33.33333",
                        "feedback": {"en": "Correct.", "es": ""},
                    },
                    {
                        "text": {
                            "en": "The item was photographed in place before it was collected",
                            "es": "",
                        },
                        "fraction": -100,
                        "feedback": {
                            "en": "This is good practice and strengthens the chain.",
                            "es": "",
                        },
                    },
                ],
            },
        ],
    },
}

COURSES = [COURSE_1, COURSE_2]
