import type { Lexicon } from '../types.ts';

/**
 * Every Spanish word list the engine reads, written without accents (the
 * normaliser strips them, so "inyección" and "inyeccion" meet). US Spanish
 * as patients type it, Spanglish included where it is common.
 */

/** Function words and filler: no topic. "no", "sin" and "nunca" stay out: they deny. */
const STOP_WORDS = `
  a al ante bajo con contra de del desde durante e el ella ellas ellos en entre esa esas ese eso esos esta estas este
  esto estos la las le les lo los me mi mis nos nosotros nuestra nuestro o os para por se si su sus te ti tu tus u un una
  unas uno unos y ya yo usted ustedes ud uds
  es son era eran fue fueron ser sea estar estoy estan estaba estado he ha han hay habia haber hace hacer
  tengo tiene tienen tenia tener tuve tuvo puedo puede pueden podria poder debo debe deben deberia necesito necesita
  quiero quiere queria voy va van ir vaya
  que cual cuales quien quienes
  muy mas menos tambien solo aun todavia bien mal mucho mucha muchos muchas poco poca todo toda todos todas
  algo alguien alguna alguno algunos algunas cosa cosas otro otra otros otras mismo misma asi
  hola oiga oye buenas buenos dias gracias favor porfa porfavor pues bueno ok okay eh ah oh
  esposo esposa marido mujer mama mami papa papi madre padre hijo hija hijos hijas nieto nieta abuela abuelo abuelita
  abuelito suegra suegro hermano hermana tia tio prima primo amiga amigo novio novia
  lunes martes miercoles jueves viernes sabado domingo hoy manana ayer noche tarde semana
  procedimiento procedure proceso pregunta preguntar saber dijo dijeron dice dicen decir
  soy eres somos fui fuiste fuimos siendo sido estuve estuvo estamos estaban estaria seria sera
  vos mio mia mios mias tuyo tuya suyo suya nuestros nuestras
  fijate fijese mira mire digo digamos osea verdad honesto honesta sinceramente francamente
  exactamente realmente simplemente bastante demasiado tan tanto tanta tantos tantas nomas nadamas
  jaja jajaja jajajaja jeje lol klk neta ojala entonces supone supuestamente
  apa ama pai mai mija mijo mijita mijito cunado cunada nuera yerno sobrino sobrina padrastro madrastra
  comadre compadre vecinita senito don dona
  anoche anteayer pasado madrugada mediodia
  pero sino aunque mientras veras cierto claro igual igualito
  seas seamos sean estes estemos esten estuviera estando hubo hubiera haya hayan habra has hemos
  tienes tenemos tendre tendra tendria tenga tengan tuviera tuvieron teniendo
  hago haces hacemos hacen hice hiciste hizo hicimos hicieron haga hagan hiciera hecho haciendo hara harian
  puedes podemos pude pudo pudieron pueda puedan pudiera podre podra podrian
  debes debemos debia deberian deba
  quieres queremos quieren quise quiso quisiera queriamos
  vas vamos iba ibamos vayan
  dices decimos dijiste dije diga digan diciendo dira
  pongo pone ponen puse puso pusimos pusieron ponga pongan puesto
  doy das da dan di dio dieron den daba dado
  sabe sabes sabemos saben supe supo sepa
  veo ves ve vemos ven vi vio vieron vea
`;

/** Everyday words that name no topic of their own: never typos, and count little when the base lacks them. */
const EVERYDAY_WORDS = `
  casa cama silla sillon carro coche trabajo oficina tienda super mercado cocina bano escalera escaleras
  gente persona personas senor senora doctora familia vecino vecina
  dia mes ano anos hora horas minuto minutos rato momento vez veces tiempo
  llegar salir entrar volver regresar quedar quedarme seguir empezar terminar esperar ayudar usar llevar traer
  dejar poner dar ver mirar buscar encontrar pensar creer parecer pasar hablar decirme explicar entender
  normal normalmente casi siempre nunca luego despues antes primero ahora pronto rapido lento facil dificil
  gustar gusta gustan gusto preocupar preocupa preocupado preocupada preocupacion duda dudas
  contar conto cuento cuentame sonar suena suenan andar ando anda agarrar agarra echar echa
  segui ocupo ocupa ocupar basta pido pedir pidieron sacar sacado
  prefiere preferir mude mudar mencionar menciono leer leyo firmar llenar acompanar acompano mandar mandaron
  conocer conozco acordar acuerdo olvidar olvide gastar perder perdio ganar gano jurar jura rezar rezando
  mundo gran grande final entero entera vuelta ratito cachito pedazo parte partes tipo clase forma manera
  pagina internet telefono celular mensaje correo papel papeles carta cajas caja almacen esquina edificio
  building calle ciudad pueblo rancho kids coger ahorita
  usa usan uso usen usamos utilizar utilizan utiliza
  realizar realiza realizan realizo requerir requiere requieren existir existe existen incluir incluye incluyendo
  calcular identificar interpretar interpreta evitar alterar obtener obtiene contener contiene justificar acudir acudo
  considerar considera permitir permite permiten recomendar recomienda recomiendan soler suele suelen mover moverme
  guardar tranquilo tranquila absoluto absoluta directamente frecuente frecuentes maximo minimo lejos cerca
  posible necesario necesaria importante comun tipico tipica especial general basar basa
`;

/** Ordinary words that do name a topic (other body parts, other parts of life): never typos, count fully. */
const TOPIC_WORDS = `
  rodilla rodillas hombro hombros codo muneca tobillo dedo dedos diente dientes ojo ojos oreja nariz
  piel corazon pulmon rinon higado estomago panza barriga boda escuela iglesia fiesta
`;

const NUMBER_WORDS = ['dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce'];
const list = (text: string) => text.split(/\s+/).filter(Boolean);

export const SPANISH_LEXICON: Lexicon = {
  stopWords: list(STOP_WORDS),
  everydayWords: list(EVERYDAY_WORDS),
  topicWords: list(TOPIC_WORDS),
  // Spanish writes no apostrophes; Spanglish brings English ones ("what's", "don't"), which would
  // otherwise leave stray letters ("what s") that no Spanish word is.
  contractions: [
    [/n't\b/g, ' not'],
    [/'(s|m|re|ll|ve|d)\b/g, ''],
  ],
  /** Chat short forms ("q", "xq", "tmb") and small numbers in words, written out. */
  spelledOut: {
    q: ['que'],
    k: ['que'],
    xq: ['porque'],
    pq: ['porque'],
    porq: ['porque'],
    tb: ['tambien'],
    tmb: ['tambien'],
    tbn: ['tambien'],
    dr: ['doctor'],
    dra: ['doctora'],
    hrs: ['horas'],
    hr: ['hora'],
    min: ['minutos'],
    mins: ['minutos'],
    pa: ['para'],
    pal: ['para', 'el'],
    ps: ['pues'],
    nose: ['no', 'se'],
    ...Object.fromEntries(NUMBER_WORDS.map((word, n) => [word, [String(n + 2)]])),
  },
  clauseBreakWords: ['pero'],
  intentWords: ['como', 'cuando', 'cuanto', 'cuanta', 'cuantos', 'cuantas', 'donde', 'porque'],
  whWords: ['que', 'como', 'cuando', 'donde', 'cuanto', 'cuanta', 'cuantos', 'cuantas', 'quien', 'cual', 'porque'],
  joiners: ['y', 'o', 'tambien', 'ademas'],
  questionStarts: ['que', 'como', 'cuando', 'donde', 'cuanto', 'cuanta', 'cuantos', 'cuantas', 'quien', 'cual', 'porque',
    'puedo', 'puede', 'debo', 'debe', 'tengo', 'tiene', 'es', 'esta', 'hay', 'necesito', 'necesita', 'voy', 'va', 'se', 'me'],
  negations: ['no', 'nunca', 'sin', 'ni', 'tampoco', 'ningun', 'ninguna', 'ninguno', 'nada'],
  betweenDenial: ['tengo', 'tiene', 'tuve', 'tuvo', 'he', 'ha', 'tenido', 'un', 'una', 'de', 'senales', 'senal', 'nada', 'me', 'le', 'da', 'dio'],
  smallTalk: {
    greeting: ['hola', 'buenos dias', 'buenas tardes', 'buenas noches', 'buenas', 'que tal', 'saludos', 'hay alguien'],
    thanks: ['gracias', 'muchas gracias', 'mil gracias', 'se lo agradezco', 'le agradezco', 'gracias por todo', 'muy amable',
      'perfecto', 'entendido', 'que bueno', 'excelente'],
    goodbye: ['adios', 'chao', 'chau', 'bye', 'hasta luego', 'nos vemos', 'eso es todo', 'es todo', 'cuidese', 'hasta pronto',
      'que tenga buen dia', 'buen dia'],
    complaint: ['no sirve', 'no sirves', 'no sirve para nada', 'inutil', 'no ayuda', 'no me ayuda', 'no me ayudas', 'que mal',
      'estupido', 'estupida', 'basura', 'pesimo', 'tonto', 'tonta', 'perdida de tiempo'],
  },
  smallTalkFiller: ['ok', 'okay', 'bueno', 'pues', 'muy', 'muchas', 'mucho', 'por', 'su', 'tu', 'la', 'el', 'y', 'todo', 'si', 'no',
    'senor', 'senora', 'senorita', 'doctor', 'doctora', 'amigo', 'amiga', 'ya', 'entonces', 'ah', 'oh', 'jaja', 'jajaja', 'ayuda', 'oiga'],
  selfDescription: {
    markers: [['soy', 'un'], ['soy', 'una'], ['como', 'un'], ['como', 'una'], ['trabajo', 'de'], ['trabajo', 'como']],
    ageTails: [['anos', 'de', 'edad'], ['anos']],
    ageWords: [],
  },
};
